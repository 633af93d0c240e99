using System.Globalization;
using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

/// <summary>
/// One worker's cost accounting: the two worlds, with and without BIZENGRI, for the same patients. Owns this
/// iteration's money cells (whole cents) and threshold indicators, the per-year quantities they are costed by
/// (<see cref="CostQuantities"/>), and the accumulators they are added to. The <see cref="IterationRunner"/> draws the
/// funnel and places the patients on the calendar; per indication it asks for the comparator durations, hands over
/// the tallied calendar, and has the indication costed; after the last indication, the totals.
/// </summary>
internal sealed class CostAccounting
{
    private readonly CompiledModel _model;
    private readonly ulong _seed;
    private readonly long[] _exceeds;
    private readonly CostQuantities _quantities;

    /// <param name="model">The model.</param>
    /// <param name="budget">Its costs.</param>
    /// <param name="seed">Master seed (the comparator's and the world without's own streams).</param>
    public CostAccounting(CompiledModel model, CompiledBudget budget, ulong seed)
    {
        _model = model;
        _seed = seed;
        Budget = budget;
        Values = new long[budget.CellCount];
        _exceeds = new long[ExceedanceCells(model)];
        _quantities = new CostQuantities(model, budget, seed);
        Money = new MoneyAccumulators(budget.CellCount);
        Exceedances = new CellAccumulators(_exceeds.Length);
    }

    public CompiledBudget Budget { get; }

    /// <summary>Threshold indicators per iteration: one per group (indications, then the total) and year index.</summary>
    public static int ExceedanceCells(CompiledModel model) => (model.Indications.Length + 1) * model.Years;

    /// <summary>This iteration's money cells, in cents (see <see cref="CompiledBudget.Cell"/>).</summary>
    public long[] Values { get; }

    public MoneyAccumulators Money { get; }

    /// <summary>Per group and year index, the iterations in which the budget impact exceeded the threshold.</summary>
    public CellAccumulators Exceedances { get; }

    /// <summary>Starts an indication: no quantities until its calendar is counted.</summary>
    public void BeginIndication() => _quantities.Clear();

    /// <summary>Each of <paramref name="count"/> patients' comparator duration in days (see <see cref="CostQuantities.ComparatorDurations"/>).</summary>
    public ReadOnlySpan<double> ComparatorDurations(int index, long iteration, ParameterDraws draws, int count) =>
        _quantities.ComparatorDurations(index, iteration, draws.Start, count);

    /// <summary>Takes the quantities of an indication from its calendar, tallied with costs (see <see cref="CostQuantities.Count"/>).</summary>
    public void CountTreatment(CompiledIndication ind, int index, TreatmentCalendar calendar, ReadOnlySpan<long> newPatients,
        ReadOnlySpan<long> cells, ReadOnlySpan<double> comparator) =>
        _quantities.Count(ind, index, calendar, newPatients, cells, comparator);

    /// <summary>
    /// The money cells of one indication for every year. In the world with BIZENGRI each treated patient costs drug and
    /// administration per counted dose, a monitoring visit every k months on treatment (and at the start, if so set),
    /// and adverse-event management once in the start year; in the world without, the same patient costs the
    /// comparator per month of its own drawn duration, split across years, and its adverse events once. Tests count
    /// in the year of testing in both worlds, at the modality mix's mean cost per test, and each reflex test at its own
    /// modality's cost. Year index t is weighted by (1 + price change)^t / (1 + discount rate)^t. Amounts are rounded to
    /// whole cents per cell.
    /// </summary>
    /// <param name="ind">The indication.</param>
    /// <param name="index">Its index.</param>
    /// <param name="iteration">The iteration (the world without's own stream).</param>
    /// <param name="draws">This iteration's parameters.</param>
    /// <param name="cells">This iteration's counts.</param>
    /// <param name="reflexed">Where the indication has a reflex test: per year index, modality and fusion status (positive,
    /// negative) the patients given a reflex test after a negative test in that modality, <paramref name="stride"/> values
    /// a year.</param>
    /// <param name="stride">Values per year in <paramref name="reflexed"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CostIndication(CompiledIndication ind, int index, long iteration, ParameterDraws draws, ReadOnlySpan<long> cells,
        ReadOnlySpan<long> reflexed, int stride)
    {
        var budget = Budget;
        var costs = budget.Indications[index];
        int years = _model.Years;
        int metrics = ind.Metrics.Length;
        var layout = _model.Layout;
        int tested = CellLayout.TestingStart(ind) + CellLayout.Tested;
        int afterPost = CellLayout.TreatmentStart(ind);
        var start = draws.Start;

        double drug = start[budget.DrugPerDose];
        double administration = start[budget.AdministrationPerInfusion];
        double visit = start[budget.MonitoringPerVisit];
        double adverse = start[budget.AdverseEventProbability] * start[budget.AdverseEventCost];
        double comparatorMonth = start[costs.ComparatorDrugPerMonth] + start[costs.ComparatorAdministrationPerMonth];
        double comparatorAdverse = start[costs.ComparatorAdverseEventProbability] * start[costs.ComparatorAdverseEventCost];
        double test = 0;
        for (int m = 0; m < ind.Modalities.Length; m++) test += ind.Modalities[m].Share * start[costs.TestCosts[m]];
        double step = (1 + start[budget.AnnualPriceChange]) / (1 + budget.DiscountRate);
        var testedWithoutRng = costs.UptakeWithoutBizengri >= 0 ? Rng.ForStream(_seed, iteration, costs.TestedWithoutKey) : default;

        var values = Values.AsSpan();
        // Amounts are in cost-year prices: the price change compounds from the cost year (Math.Pow(x, 0) is exactly 1).
        double factor = Math.Pow(1 + start[budget.AnnualPriceChange], budget.PriceYearsBeforeStart);
        for (int t = 0; t < years; t++, factor *= step)
        {
            var cell = cells.Slice(layout.YearStart(index, t), metrics);
            long testedWith = cell[tested];
            long testedWithout = testedWith;
            // Tests in each world, at their costs (without a reflex: the tested at the mix's mean cost).
            double testsWith = testedWith * test, testsWithout;
            if (ind.HasReflex || ind.UptakeRatioFusionPositive >= 0)
            {
                var yearReflexed = ind.HasReflex ? reflexed.Slice(t * stride, stride) : default;
                testsWith += ReflexTestCosts(ind, costs, start, yearReflexed);
                testsWithout = costs.UptakeWithoutBizengri >= 0
                    ? TestsWithout(ind, costs, draws, cell, yearReflexed, t, test, ref testedWithoutRng)
                    : testsWith;
            }
            else if (costs.UptakeWithoutBizengri >= 0)
            {
                // The world without tests a subset of those the world with tests (thinning keeps the worlds paired).
                double uptake = draws.Probability(ind.Uptake, t);
                double ratio = uptake > 0 ? Math.Min(1, draws.Probability(costs.UptakeWithoutBizengri, t) / uptake) : 0;
                testedWithout = BinomialSampler.Sample(ref testedWithoutRng, testedWith, ratio);
                testsWithout = testedWithout * test;
            }
            else testsWithout = testsWith;
            long starts = cell[afterPost + CellLayout.TreatedNew];
            long startsFalse = cell[afterPost + CellLayout.TreatedNewFalsePositive];
            var q = _quantities.Year(t);

            long doses = cell[afterPost + CellLayout.Doses];
            long drugCents = Cents(doses * drug * factor);
            long administrationCents = Cents(doses * administration * factor);
            long monitoringCents = Cents(q[CostQuantities.Visits] * visit * factor);
            long adverseCents = Cents(starts * adverse * factor);
            long testingCents = Cents(testsWith * factor);
            long comparatorCents = Cents((q[CostQuantities.ComparatorMonths] * comparatorMonth + starts * comparatorAdverse) * factor);
            long testingWithoutCents = Cents(testsWithout * factor);
            long with = drugCents + administrationCents + monitoringCents + adverseCents + testingCents;
            long without = comparatorCents + testingWithoutCents;
            long falseWith = Cents(q[CostQuantities.DosesFalsePositive] * (drug + administration) * factor)
                             + Cents(q[CostQuantities.VisitsFalsePositive] * visit * factor) + Cents(startsFalse * adverse * factor);
            long falseWithout = Cents((q[CostQuantities.ComparatorMonthsFalsePositive] * comparatorMonth + startsFalse * comparatorAdverse) * factor);
            long onTreatment = cell[afterPost + CellLayout.OnTreatment];

            var money = values.Slice(budget.Cell(index, t, 0), BudgetMetric.Indication.Length);
            money[BudgetMetric.Drug] = drugCents;
            money[BudgetMetric.Administration] = administrationCents;
            money[BudgetMetric.Monitoring] = monitoringCents;
            money[BudgetMetric.AdverseEvents] = adverseCents;
            money[BudgetMetric.Testing] = testingCents;
            money[BudgetMetric.With] = with;
            money[BudgetMetric.Comparator] = comparatorCents;
            money[BudgetMetric.TestingWithout] = testingWithoutCents;
            money[BudgetMetric.Without] = without;
            money[BudgetMetric.Impact] = with - without;
            money[BudgetMetric.ImpactFalsePositive] = falseWith - falseWithout;
            money[BudgetMetric.ImpactPerTreated] = PerTreated(with - without, onTreatment);
        }
    }

    /// <summary>The cost of one year's reflex tests: each at the cost of its reflex modality.</summary>
    private static double ReflexTestCosts(CompiledIndication ind, IndicationBudget costs, ReadOnlySpan<double> start, ReadOnlySpan<long> reflexed)
    {
        double amount = 0;
        if (!ind.HasReflex) return amount;
        var modalities = ind.Modalities;
        for (int m = 0; m < modalities.Length; m++)
        {
            if (modalities[m].Reflex < 0) continue;
            amount += (reflexed[2 * m] + reflexed[2 * m + 1]) * start[costs.TestCosts[modalities[m].Reflex]];
        }
        return amount;
    }

    /// <summary>
    /// The world without BIZENGRI's tests of one year, where the pathway has a reflex test or tests fusion-positive patients
    /// at their own rate: it keeps each tested patient of the world with BIZENGRI with probability
    /// P(tested without) / P(tested with) — uptakeWithout / uptake for fusion-negative patients, min(1, uptakeWithout × ratio) /
    /// min(1, uptake × ratio) for fusion-positive ones (at most 1: thinning keeps the worlds paired) — and a kept patient
    /// keeps their whole pathway, the reflex test included.
    /// </summary>
    private static double TestsWithout(CompiledIndication ind, IndicationBudget costs, ParameterDraws draws, ReadOnlySpan<long> cell,
        ReadOnlySpan<long> reflexed, int t, double test, ref Rng rng)
    {
        var start = draws.Start;
        double uptake = draws.Probability(ind.Uptake, t), uptakeWithout = draws.Probability(costs.UptakeWithoutBizengri, t);
        double ratio = ind.UptakeRatioFusionPositive >= 0 ? start[ind.UptakeRatioFusionPositive] : 1;
        double uptakeFusion = Math.Min(1, uptake * ratio), uptakeFusionWithout = Math.Min(1, uptakeWithout * ratio);
        double keepOther = uptake > 0 ? Math.Min(1, uptakeWithout / uptake) : 0;
        double keepFusion = uptakeFusion > 0 ? Math.Min(1, uptakeFusionWithout / uptakeFusion) : 0;
        int testing = CellLayout.TestingStart(ind);
        long testedFusion = cell[testing + CellLayout.FusionPositive] - cell[testing + CellLayout.UntestedFusionPositive];
        long testedOther = cell[testing + CellLayout.Tested] - testedFusion;

        var modalities = ind.Modalities;
        long reflexedFusion = 0, reflexedOther = 0;
        if (ind.HasReflex)
        {
            for (int m = 0; m < modalities.Length; m++)
            {
                if (modalities[m].Reflex < 0) continue;
                reflexedFusion += reflexed[2 * m];
                reflexedOther += reflexed[2 * m + 1];
            }
        }
        // The patients without a reflex test, then per modality those with one (and their reflex test).
        long kept = BinomialSampler.Sample(ref rng, testedFusion - reflexedFusion, keepFusion)
                    + BinomialSampler.Sample(ref rng, testedOther - reflexedOther, keepOther);
        double amount = 0;
        if (ind.HasReflex)
        {
            for (int m = 0; m < modalities.Length; m++)
            {
                if (modalities[m].Reflex < 0) continue;
                long keptReflexed = BinomialSampler.Sample(ref rng, reflexed[2 * m], keepFusion)
                                    + BinomialSampler.Sample(ref rng, reflexed[2 * m + 1], keepOther);
                kept += keptReflexed;
                amount += keptReflexed * start[costs.TestCosts[modalities[m].Reflex]];
            }
        }
        return kept * test + amount;
    }

    /// <summary>The total over indications of every money cell, the total per treated patient, the cumulative impact, and the threshold indicators.</summary>
    public void SumTotals(ReadOnlySpan<long> cells)
    {
        var budget = Budget;
        var values = Values.AsSpan();
        int groups = _model.Indications.Length;
        int years = _model.Years;
        CheckMagnitudes(values[..budget.Cell(groups, 0, 0)]);
        long cumulative = 0;
        for (int t = 0; t < years; t++)
        {
            var total = values.Slice(budget.Cell(groups, t, 0), BudgetMetric.Total.Length);
            total.Clear();
            long onTreatment = 0;
            for (int g = 0; g < groups; g++)
            {
                var indication = values.Slice(budget.Cell(g, t, 0), BudgetMetric.Indication.Length);
                for (int m = 0; m < BudgetMetric.ImpactPerTreated; m++) total[m] += indication[m];
                var ind = _model.Indications[g];
                onTreatment += cells[_model.Layout.Cell(g, t, CellLayout.TreatmentStart(ind) + CellLayout.OnTreatment)];
            }
            total[BudgetMetric.ImpactPerTreated] = PerTreated(total[BudgetMetric.Impact], onTreatment);
            cumulative += total[BudgetMetric.Impact];
            total[BudgetMetric.Cumulative] = cumulative;
        }
        CheckMagnitudes(values[budget.Cell(groups, 0, 0)..]);
        if (budget.Threshold is not { } threshold) return;
        // impact > threshold ⇔ cents > 100·threshold ⇔ cents > ⌊100·threshold⌋ for whole cents.
        long limit = (long)Math.Floor(threshold * 100);
        for (int g = 0; g <= groups; g++)
            for (int t = 0; t < years; t++)
                _exceeds[g * years + t] = values[budget.Cell(g, t, BudgetMetric.Impact)] > limit ? 1 : 0;
    }

    /// <summary>Adds this iteration's money cells (and threshold indicators) to the accumulators.</summary>
    public void Add()
    {
        Money.Add(Values);
        if (Budget.Threshold is not null) Exceedances.Add(_exceeds);
    }

    /// <summary>Summarises the rows the accumulators still buffer.</summary>
    public void Flush()
    {
        Money.Flush();
        Exceedances.Flush();
    }

    public void Merge(CostAccounting other)
    {
        Money.Merge(other.Money);
        Exceedances.Merge(other.Exceedances);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Cents(double amount)
    {
        double cents = Math.Round(amount * 100);
        if (!(Math.Abs(cents) <= MoneyAccumulators.MaxMagnitude)) TooMuchMoney(cents);
        return (long)cents;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TooMuchMoney(double cents) => throw new SimulationLimitException(string.Create(CultureInfo.InvariantCulture,
        $"a money amount reached {cents / 100:N0} in one year of one iteration; amounts are kept in exact whole cents up to " +
        $"{MoneyAccumulators.MaxMagnitude / 100.0:N2} (2^50 cents): reduce the population, the prices or the horizon"));

    /// <summary>
    /// Refuses money beyond <see cref="MoneyAccumulators.MaxMagnitude"/> cents (about 11 trillion): such an amount
    /// would otherwise be clamped by the summaries, or wrap in the cumulative sum (issue 12, item 3). The per-indication
    /// cells are checked before they are summed, so with at most 20 indications and 30 years no sum can overflow.
    /// </summary>
    private static void CheckMagnitudes(ReadOnlySpan<long> values)
    {
        foreach (long value in values)
        {
            if (value != MoneyAccumulators.Undefined && (value > MoneyAccumulators.MaxMagnitude || value < -MoneyAccumulators.MaxMagnitude))
                TooMuchMoney(value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long PerTreated(long impact, long onTreatment) =>
        onTreatment > 0 ? (long)Math.Round((double)impact / onTreatment) : MoneyAccumulators.Undefined;
}
