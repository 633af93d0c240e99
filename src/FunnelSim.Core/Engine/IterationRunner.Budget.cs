using System.Globalization;
using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

// Costs in the two worlds, with and without BIZENGRI, for the same patients.
internal sealed partial class IterationRunner
{
    /// <summary>This worker's budget-impact state; null when the scenario has no costs.</summary>
    public BudgetState? Budget => _budget;

    /// <summary>Incidence multiplier of an indication: the population's scale, times the member mix where there is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double IndicationScale(int index) => _model.IndicationScale(index, _start);

    /// <summary>
    /// The money cells of one indication for every year. In the world with BIZENGRI each treated patient costs drug and
    /// administration per counted dose, a monitoring visit every k months on treatment (and at the start, if so set),
    /// and adverse-event management once in the start year; in the world without, the same patient costs the
    /// comparator per month of its own drawn duration, split across years, and its adverse events once. Tests count
    /// in the year of testing in both worlds, at the modality mix's mean cost per test. Year index t is weighted by
    /// (1 + price change)^t / (1 + discount rate)^t. Amounts are rounded to whole cents per cell.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CostIndication(CompiledIndication ind, int index, long iteration)
    {
        var state = _budget!;
        var budget = state.Budget;
        var costs = budget.Indications[index];
        int years = _model.Years;
        int metrics = ind.Metrics.Length;
        var layout = _model.Layout;
        int tested = CellLayout.TestingStart(ind) + CellLayout.Tested;
        int afterPost = CellLayout.TreatmentStart(ind);
        var quantities = state.Quantities.AsSpan(); // filled by Treat

        double drug = _start[budget.DrugPerDose];
        double administration = _start[budget.AdministrationPerInfusion];
        double visit = _start[budget.MonitoringPerVisit];
        double adverse = _start[budget.AdverseEventProbability] * _start[budget.AdverseEventCost];
        double comparatorMonth = _start[costs.ComparatorDrugPerMonth] + _start[costs.ComparatorAdministrationPerMonth];
        double comparatorAdverse = _start[costs.ComparatorAdverseEventProbability] * _start[costs.ComparatorAdverseEventCost];
        double test = 0;
        for (int m = 0; m < ind.Modalities.Length; m++) test += ind.Modalities[m].Share * _start[costs.TestCosts[m]];
        double step = (1 + _start[budget.AnnualPriceChange]) / (1 + budget.DiscountRate);
        var testedWithoutRng = costs.UptakeWithoutBizengri >= 0 ? Rng.ForStream(_seed, iteration, costs.TestedWithoutKey) : default;

        var values = state.Values.AsSpan();
        // Amounts are in cost-year prices: the price change compounds from the cost year (Math.Pow(x, 0) is exactly 1).
        double factor = Math.Pow(1 + _start[budget.AnnualPriceChange], budget.PriceYearsBeforeStart);
        for (int t = 0; t < years; t++, factor *= step)
        {
            var cell = _cells.AsSpan(layout.YearStart(index, t), metrics);
            long testedWith = cell[tested];
            long testedWithout = testedWith;
            if (costs.UptakeWithoutBizengri >= 0)
            {
                // The world without tests a subset of those the world with tests (thinning keeps the worlds paired).
                double uptake = Probability(ind.Uptake, t);
                double ratio = uptake > 0 ? Math.Min(1, Probability(costs.UptakeWithoutBizengri, t) / uptake) : 0;
                testedWithout = BinomialSampler.Sample(ref testedWithoutRng, testedWith, ratio);
            }
            long starts = cell[afterPost + CellLayout.TreatedNew];
            long startsFalse = cell[afterPost + CellLayout.TreatedNewFalsePositive];
            var q = quantities.Slice(t * BudgetState.YearQuantities, BudgetState.YearQuantities);

            long doses = cell[afterPost + CellLayout.Doses];
            long drugCents = Cents(doses * drug * factor);
            long administrationCents = Cents(doses * administration * factor);
            long monitoringCents = Cents(q[BudgetState.Visits] * visit * factor);
            long adverseCents = Cents(starts * adverse * factor);
            long testingCents = Cents(testedWith * test * factor);
            long comparatorCents = Cents((q[BudgetState.ComparatorMonths] * comparatorMonth + starts * comparatorAdverse) * factor);
            long testingWithoutCents = Cents(testedWithout * test * factor);
            long with = drugCents + administrationCents + monitoringCents + adverseCents + testingCents;
            long without = comparatorCents + testingWithoutCents;
            long falseWith = Cents(q[BudgetState.DosesFalsePositive] * (drug + administration) * factor)
                             + Cents(q[BudgetState.VisitsFalsePositive] * visit * factor) + Cents(startsFalse * adverse * factor);
            long falseWithout = Cents((q[BudgetState.ComparatorMonthsFalsePositive] * comparatorMonth + startsFalse * comparatorAdverse) * factor);
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

    /// <summary>
    /// The false positives' doses, visits and comparator months per year (for <c>budgetImpactFalsePositive</c>), patient
    /// by patient in order. Which of a year's patients are the false positives does not matter (they are exchangeable):
    /// the last ones.
    /// </summary>
    private void FalsePositiveQuantities(CompiledIndication ind, int index, ReadOnlySpan<double> comparator)
    {
        var budget = _budget!.Budget;
        int years = _model.Years;
        var layout = _model.Layout;
        int treatedTruePositive = CellLayout.TreatmentStart(ind) + CellLayout.TreatedNewTruePositive;
        double perDose = 1 / ind.DoseIntervalDays;
        double perVisit = 1 / budget.MonitoringIntervalDays;
        bool baseline = budget.MonitoringAtStart;
        var q = _budget.Quantities.AsSpan();
        int patient = 0;
        for (int t = 0; t < years; t++)
        {
            long truePositive = _cells[layout.Cell(index, t, treatedTruePositive)];
            long newPatients = _newPatients[t];
            for (long k = truePositive; k < newPatients; k++)
            {
                int i = patient + (int)k;
                double start = _calendar.Starts[i];
                FalsePositiveQuantities(q, t, start, _calendar.Days[i], start + comparator[i], perDose, perVisit, baseline);
            }
            patient += (int)newPatients;
        }
    }

    /// <summary>Each patient's comparator duration in days, drawn patient by patient from the comparator's own stream.</summary>
    private Span<double> ComparatorDurations(IndicationBudget costs, BudgetState state, long iteration, int count)
    {
        int padded = (count + 3) & ~3;
        if (state.ComparatorDays.Length < padded) state.ComparatorDays = new double[Math.Max(padded, 2 * state.ComparatorDays.Length)];
        var comparator = state.ComparatorDays.AsSpan(0, padded);
        // Their own stream: BIZENGRI's durations and every funnel count stay exactly as without costs.
        var rng = Rng.ForStream(_seed, iteration, costs.ComparatorKey);
        if (costs.ComparatorDurationKind == DurationKind.LogNormal)
            for (int i = 0; i < count; i++) comparator[i] = rng.NextStandardNormal();
        else
            for (int i = 0; i < count; i++) comparator[i] = rng.NextOpenDouble();
        comparator[count..].Fill(0.5);
        TreatmentCalendar.Durations(costs.ComparatorDurationKind, _start[costs.ComparatorDurationMedian] * DaysPerMonth,
            costs.ComparatorDurationSpread >= 0 ? _start[costs.ComparatorDurationSpread] : 1, comparator);
        return comparator;
    }

    /// <summary>A false-positive patient's doses, visits and comparator months per year, for <c>budgetImpactFalsePositive</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FalsePositiveQuantities(Span<double> q, int t, double start, double days, double comparatorEnd,
        double perDose, double perVisit, bool baseline)
    {
        const int Q = BudgetState.YearQuantities;
        long doses = (long)Math.Ceiling(days * perDose);
        long visits = (long)Math.Ceiling(days * perVisit);
        long dosesBefore = 0, visitsBefore = 0;
        if (!baseline) q[t * Q + BudgetState.VisitsFalsePositive]--;
        for (int y = t; y < _model.Years; y++)
        {
            double yearStart = y * DaysPerYear, yearEnd = (y + 1) * DaysPerYear;
            long dosesUpTo = Math.Clamp((long)Math.Ceiling((yearEnd - start) * perDose), 0, doses);
            long visitsUpTo = Math.Min((long)Math.Ceiling((yearEnd - start) * perVisit), visits);
            q[y * Q + BudgetState.DosesFalsePositive] += dosesUpTo - dosesBefore;
            q[y * Q + BudgetState.VisitsFalsePositive] += visitsUpTo - visitsBefore;
            q[y * Q + BudgetState.ComparatorMonthsFalsePositive] +=
                Math.Max(0, Math.Min(comparatorEnd, yearEnd) - Math.Max(start, yearStart)) / DaysPerMonth;
            dosesBefore = dosesUpTo;
            visitsBefore = visitsUpTo;
        }
    }

    /// <summary>The total over indications of every money cell, the total per treated patient, the cumulative impact, and the threshold indicators.</summary>
    private void SumBudgetTotals()
    {
        var state = _budget!;
        var budget = state.Budget;
        var values = state.Values.AsSpan();
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
                onTreatment += _cells[_model.Layout.Cell(g, t, CellLayout.TreatmentStart(ind) + CellLayout.OnTreatment)];
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
                state.Exceeds[g * years + t] = values[budget.Cell(g, t, BudgetMetric.Impact)] > limit ? 1 : 0;
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
