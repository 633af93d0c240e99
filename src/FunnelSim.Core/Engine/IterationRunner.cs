using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

/// <summary>
/// One worker's state: scratch buffers and accumulators, reused for every iteration it runs. An iteration draws
/// its parameters (<see cref="ParameterDraws"/>), simulates the funnel of every indication and year, places the
/// treated patients on the calendar (<see cref="TreatmentCalendar"/>), has them costed (<see cref="CostAccounting"/>,
/// with costs), and adds each cell to the accumulators. Nothing here allocates once the histograms cover the values seen.
/// </summary>
internal sealed class IterationRunner
{
    private const double DaysPerMonth = TreatmentCalendar.DaysPerMonth;

    private readonly CompiledModel _model;
    private readonly ulong _seed;
    private readonly ParameterDraws _draws;
    private readonly long[] _cells;     // this iteration's value of every cell
    private readonly long[] _newPatients;
    private readonly int[] _totalSources; // see TotalCells
    private readonly int _totalCells;
    private readonly CostAccounting? _costs;
    private readonly TreatmentCalendar _calendar; // this indication's new patients, per iteration
    private readonly IterationObserver? _observer; // the per-iteration draws export; null in an ordinary run
    private readonly long[] _reflexed;   // per year, modality and fusion status: patients given a reflex test (see Reflexes)
    private readonly int _reflexStride;  // 2 × the most modalities of an indication

    /// <param name="model">The model.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="overrides">Parameters held at given values instead of drawn.</param>
    /// <param name="iterations">The run's iteration count, which Latin hypercube replicates and strata are laid out over
    /// (default: the scenario's); a run to a precision target continues the layout in whole replicates.</param>
    /// <param name="observer">Sees every iteration this worker simulates (see <see cref="IterationObserver"/>); null for none.</param>
    public IterationRunner(CompiledModel model, ulong seed, ParameterOverrides? overrides = null, long iterations = 0,
        IterationObserver? observer = null)
    {
        _observer = observer;
        _model = model;
        _seed = seed;
        _draws = new ParameterDraws(model, seed, iterations > 0 ? iterations : model.Scenario.Simulation.Iterations);
        if (overrides is not null) _draws.UseOverrides(overrides.Start, overrides.Target, overrides.FixesAll);
        _cells = new long[model.CellCount];
        _newPatients = new long[model.Years];
        _totalSources = TotalCells(model);
        _totalCells = model.Years * model.TotalMetrics.Length;
        _calendar = new TreatmentCalendar(model.Years);
        _reflexStride = 2 * model.Indications.Max(i => i.Modalities.Length);
        _reflexed = new long[model.Indications.Any(i => i.HasReflex) ? model.Years * _reflexStride : 0];
        Cells = new CellAccumulators(model.CellCount);

        _costs = model.Budget is { } budget ? new CostAccounting(model, budget, seed) : null;
    }

    public CellAccumulators Cells { get; }

    /// <summary>The observer of this worker's iterations; null in an ordinary run.</summary>
    public IterationObserver? Observer => _observer;

    /// <summary>This iteration's drawn start values, by parameter index (valid after <see cref="Simulate"/>).</summary>
    public ReadOnlySpan<double> DrawnParameters => _draws.Start;

    /// <summary>This iteration's drawn ramp targets (the start value where a parameter does not ramp).</summary>
    public ReadOnlySpan<double> DrawnRampTargets => _draws.Target;

    /// <summary>This iteration's cell values (valid after <see cref="Simulate"/>).</summary>
    public ReadOnlySpan<long> CellValues => _cells;

    /// <summary>This worker's cost accounting (money cells and their accumulators); null when the scenario has no costs.</summary>
    public CostAccounting? Costs => _costs;

    /// <summary>Holds parameters at given values instead of drawing them (see <see cref="ParameterDraws.UseOverrides"/>).</summary>
    public void UseOverrides(double[]? start, double[]? target, bool fixesAll) => _draws.UseOverrides(start, target, fixesAll);

    public void Run(long firstIteration, long count)
    {
        _observer?.BeginBlock(firstIteration, count);
        for (long k = firstIteration; k < firstIteration + count; k++)
        {
            Simulate(k);
            int replicate = _draws.ReplicateOf(k);
            Cells.Add(_cells, replicate);
            _costs?.Add(replicate);
            _observer?.Observe(k, this);
        }
        // Nothing stays pending between blocks: the summaries can be read from any thread once the run is over.
        Cells.Flush();
        _costs?.Flush();
        _observer?.EndBlock();
    }

    /// <summary>The Latin hypercube replicate of global iteration <paramref name="iteration"/>; −1 for other designs.</summary>
    public int ReplicateOf(long iteration) => _draws.ReplicateOf(iteration);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Simulate(long iteration)
    {
        // Every stream of this iteration starts from the same mix of (seed, iteration): mixed once here.
        ulong streams = Rng.IterationSeed(_seed, iteration);
        _draws.Draw(iteration, streams);
        var indications = _model.Indications;
        for (int i = 0; i < indications.Length; i++)
            SimulateIndication(indications[i], i, iteration, streams);
        SumTotals();
        _costs?.SumTotals(_cells);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Probability(int parameter, int year) => _draws.Probability(parameter, year);

    /// <summary>P(positive in this modality | not positive in the earlier ones), clamped against rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Conditional(double probability, double left) =>
        left > 0 ? Math.Clamp(probability / left, 0, 1) : 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SimulateIndication(CompiledIndication ind, int index, long iteration, ulong streams)
    {
        int years = _model.Years;
        int metrics = ind.Metrics.Length;
        int preCount = ind.PreTestSteps.Length;
        int postCount = ind.PostDetectionSteps.Length;
        var layout = _model.Layout;
        int afterPre = CellLayout.TestingStart(ind);
        int afterPost = CellLayout.TreatmentStart(ind);

        var start = _draws.Start;
        double incidence = start[ind.Incidence] * _model.IndicationScale(index, start);
        double growth = Math.Max(start[ind.Growth], -1);

        var incidentRng = Rng.ForKey(streams, ind.IncidentKey);
        Span<Rng> preRng = stackalloc Rng[preCount];
        for (int s = 0; s < preCount; s++) preRng[s] = Rng.ForKey(streams, ind.PreTestKeys[s]);
        var fusionRng = Rng.ForKey(streams, ind.FusionKey);
        var testedFusionRng = Rng.ForKey(streams, ind.TestedFusionKey);
        var testedOtherRng = Rng.ForKey(streams, ind.TestedOtherKey);
        var modalities = ind.Modalities;
        Span<Rng> modalityRng = stackalloc Rng[2 * modalities.Length];
        for (int m = 0; m < modalities.Length; m++)
        {
            modalityRng[2 * m] = Rng.ForKey(streams, modalities[m].TruePositiveKey);
            modalityRng[2 * m + 1] = Rng.ForKey(streams, modalities[m].FalsePositiveKey);
        }
        Span<Rng> reflexRng = ind.HasReflex ? stackalloc Rng[2 * modalities.Length] : [];
        for (int m = 0; m < reflexRng.Length / 2; m++)
        {
            if (modalities[m].Reflex < 0) continue;
            reflexRng[2 * m] = Rng.ForKey(streams, modalities[m].ReflexFusionKey);
            reflexRng[2 * m + 1] = Rng.ForKey(streams, modalities[m].ReflexOtherKey);
        }
        Span<Rng> postRng = stackalloc Rng[2 * postCount];
        for (int s = 0; s < postCount; s++)
        {
            postRng[2 * s] = Rng.ForKey(streams, ind.PostTruePositiveKeys[s]);
            postRng[2 * s + 1] = Rng.ForKey(streams, ind.PostFalsePositiveKeys[s]);
        }

        double growthFactor = 1;
        for (int t = 0; t < years; t++)
        {
            var cell = _cells.AsSpan(layout.YearStart(index, t), metrics);

            long n = PoissonSampler.Sample(ref incidentRng, incidence * growthFactor);
            growthFactor *= 1 + growth;
            cell[0] = n;
            for (int s = 0; s < preCount; s++)
            {
                n = BinomialSampler.Sample(ref preRng[s], n, Probability(ind.PreTestSteps[s], t));
                cell[1 + s] = n;
            }

            long laterLine = n;
            long fusion = BinomialSampler.Sample(ref fusionRng, laterLine, Probability(ind.Prevalence, t));
            long other = laterLine - fusion;
            double uptake = Probability(ind.Uptake, t);
            double uptakeFusion = ind.UptakeRatioFusionPositive >= 0 ? Math.Min(1, uptake * start[ind.UptakeRatioFusionPositive]) : uptake;
            long testedFusion = BinomialSampler.Sample(ref testedFusionRng, fusion, uptakeFusion);
            long testedOther = BinomialSampler.Sample(ref testedOtherRng, other, uptake);

            // Each tested patient falls in one modality (by its share) and tests positive there with that modality's
            // sensitivity (fusion-positive) or 1 − specificity (fusion-negative). So per stream the positives of the
            // modalities and the negatives form one multinomial, drawn as a chain of conditional binomials with
            // probabilities share·sensitivity (or share·(1 − specificity)). Exactly the split-then-test model, with
            // far fewer large draws.
            long remainingFusion = testedFusion, remainingOther = testedOther;
            double fusionLeft = 1, otherLeft = 1;
            long truePositive = 0, falsePositive = 0;
            for (int m = 0; m < modalities.Length; m++)
            {
                double share = modalities[m].Share;
                double positiveIfFusion = share * Probability(modalities[m].Sensitivity, t);
                double positiveIfOther = share * (1 - Probability(modalities[m].Specificity, t));
                long tp = BinomialSampler.Sample(ref modalityRng[2 * m], remainingFusion, Conditional(positiveIfFusion, fusionLeft));
                long fp = BinomialSampler.Sample(ref modalityRng[2 * m + 1], remainingOther, Conditional(positiveIfOther, otherLeft));
                remainingFusion -= tp;
                remainingOther -= fp;
                fusionLeft -= positiveIfFusion;
                otherLeft -= positiveIfOther;
                truePositive += tp;
                falsePositive += fp;
            }

            long reflexTested = 0, identifiedByReflex = 0;
            if (ind.HasReflex)
            {
                var (reflexTruePositive, reflexFalsePositive) =
                    Reflexes(ind, t, reflexRng, remainingFusion, remainingOther, fusionLeft, otherLeft, out reflexTested);
                truePositive += reflexTruePositive;
                falsePositive += reflexFalsePositive;
                identifiedByReflex = reflexTruePositive + reflexFalsePositive;
            }

            FunnelCells.WriteTesting(cell, afterPre, laterLine, fusion, testedFusion, testedOther, truePositive, falsePositive,
                reflexTested, identifiedByReflex);

            long treatedTrue = truePositive, treatedFalse = falsePositive;
            for (int s = 0; s < postCount; s++)
            {
                double p = Probability(ind.PostDetectionSteps[s], t);
                treatedTrue = BinomialSampler.Sample(ref postRng[2 * s], treatedTrue, p);
                treatedFalse = BinomialSampler.Sample(ref postRng[2 * s + 1], treatedFalse, p);
                cell[CellLayout.PostDetectionStep(ind, s)] = treatedTrue + treatedFalse;
            }

            cell[afterPost + CellLayout.TreatedNew] = treatedTrue + treatedFalse;
            cell[afterPost + CellLayout.TreatedNewTruePositive] = treatedTrue;
            cell[afterPost + CellLayout.TreatedNewFalsePositive] = treatedFalse;
            cell[afterPost + CellLayout.OnTreatment] = 0;
            cell[afterPost + CellLayout.Doses] = 0;
            _newPatients[t] = treatedTrue + treatedFalse;
        }

        _costs?.BeginIndication();
        Treat(ind, index, iteration, streams);
        _costs?.CostIndication(ind, index, iteration, _draws, _cells, _reflexed, _reflexStride);
    }

    /// <summary>
    /// Places this iteration's new patients of <paramref name="ind"/> on the calendar (draws from the indication's
    /// treatment stream), tallies doses and patients on treatment per calendar year — with costs also visits and
    /// comparator months, handed to the cost accounting — and writes them into the cells.
    /// </summary>
    private void Treat(CompiledIndication ind, int index, long iteration, ulong streams)
    {
        long patients = 0;
        foreach (long n in _newPatients) patients += n;
        if (patients == 0) return;

        var start = _draws.Start;
        var rng = Rng.ForKey(streams, ind.TreatmentKey);
        _calendar.Place(_newPatients, ref rng, ind.DurationKind, start[ind.DurationMedian] * DaysPerMonth,
            ind.DurationSpread >= 0 ? start[ind.DurationSpread] : 1);
        if (_costs is null)
        {
            _calendar.Tally(_newPatients, ind.DoseIntervalDays, null, default);
            WriteTreatedYears(ind, index);
            return;
        }
        var comparator = _costs.ComparatorDurations(index, iteration, _draws, _calendar.Count);
        _calendar.Tally(_newPatients, ind.DoseIntervalDays, _costs.Budget.MonitoringIntervalDays, comparator);
        WriteTreatedYears(ind, index);
        _costs.CountTreatment(ind, index, _calendar, _newPatients, _cells, comparator);
    }

    /// <summary>The calendar's doses and patients on treatment into the cells.</summary>
    private void WriteTreatedYears(CompiledIndication ind, int index)
    {
        int years = _model.Years;
        var layout = _model.Layout;
        int treatment = CellLayout.TreatmentStart(ind);
        var doses = _calendar.Doses;
        var onTreatment = _calendar.OnTreatment;
        for (int y = 0; y < years; y++)
        {
            _cells[layout.YearStart(index, y) + treatment + CellLayout.Doses] = (long)doses[y];
            _cells[layout.YearStart(index, y) + treatment + CellLayout.OnTreatment] = (long)onTreatment[y];
        }
    }

    /// <summary>
    /// The reflex tests of one year: the first tests' negatives (<paramref name="negativeFusion"/> fusion-positive,
    /// <paramref name="negativeOther"/> fusion-negative) fell in modality m with probability share_m·(1 − sens_m) (or
    /// share_m·spec_m) out of <paramref name="fusionLeft"/> (<paramref name="otherLeft"/>), the mass of a negative first
    /// test; such a patient gets m's reflex test with probability P_m and is positive there with the reflex modality's
    /// sensitivity (1 − specificity), independently of the first result. So per stream the negatives split into one
    /// multinomial over (reflex positive, reflex negative) per modality with a reflex and no reflex test, drawn as a chain
    /// of conditional binomials on each modality's own reflex streams. Records each modality's reflex tests per fusion
    /// status for the test costs.
    /// </summary>
    /// <returns>The positives of the reflex tests among fusion-positive and fusion-negative patients.</returns>
    private (long TruePositive, long FalsePositive) Reflexes(CompiledIndication ind, int t, Span<Rng> rng, long negativeFusion,
        long negativeOther, double fusionLeft, double otherLeft, out long tested)
    {
        var modalities = ind.Modalities;
        var reflexed = _reflexed.AsSpan(t * _reflexStride, _reflexStride);
        long truePositive = 0, falsePositive = 0;
        tested = 0;
        for (int m = 0; m < modalities.Length; m++)
        {
            var modality = modalities[m];
            if (modality.Reflex < 0) continue;
            var reflex = modalities[modality.Reflex];
            double p = Probability(modality.ReflexProbability, t);
            double reflexedIfFusion = modality.Share * (1 - Probability(modality.Sensitivity, t)) * p;
            double reflexedIfOther = modality.Share * Probability(modality.Specificity, t) * p;
            double sensitivity = Probability(reflex.Sensitivity, t), specificity = Probability(reflex.Specificity, t);

            double positive = reflexedIfFusion * sensitivity, negative = reflexedIfFusion * (1 - sensitivity);
            long tp = BinomialSampler.Sample(ref rng[2 * m], negativeFusion, Conditional(positive, fusionLeft));
            negativeFusion -= tp;
            fusionLeft -= positive;
            long fn = BinomialSampler.Sample(ref rng[2 * m], negativeFusion, Conditional(negative, fusionLeft));
            negativeFusion -= fn;
            fusionLeft -= negative;

            positive = reflexedIfOther * (1 - specificity);
            negative = reflexedIfOther * specificity;
            long fp = BinomialSampler.Sample(ref rng[2 * m + 1], negativeOther, Conditional(positive, otherLeft));
            negativeOther -= fp;
            otherLeft -= positive;
            long tn = BinomialSampler.Sample(ref rng[2 * m + 1], negativeOther, Conditional(negative, otherLeft));
            negativeOther -= tn;
            otherLeft -= negative;

            reflexed[2 * m] = tp + fn;
            reflexed[2 * m + 1] = fp + tn;
            truePositive += tp;
            falsePositive += fp;
            tested += tp + fn + fp + tn;
        }
        return (truePositive, falsePositive);
    }

    /// <summary>Each total cell's value: the sum of its sources, the same cell of every indication (see <see cref="TotalCells"/>).</summary>
    private void SumTotals()
    {
        var cells = _cells.AsSpan();
        var sources = _totalSources.AsSpan();
        int indications = _model.Indications.Length;
        int totalOffset = _model.Layout.GroupStart(_model.Layout.TotalGroup);
        for (int c = 0, s = 0; c < _totalCells; c++)
        {
            long sum = 0;
            for (int i = 0; i < indications; i++, s++) sum += cells[sources[s]];
            cells[totalOffset + c] = sum;
        }
    }

    /// <summary>For every total cell in order (year, then metric), the cell of each indication it sums, in indication order.</summary>
    private static int[] TotalCells(CompiledModel model)
    {
        int indications = model.Indications.Length;
        int totalMetrics = model.TotalMetrics.Length;
        var sources = new int[model.Years * totalMetrics * indications];
        int s = 0;
        for (int t = 0; t < model.Years; t++)
            for (int m = 0; m < totalMetrics; m++)
                for (int i = 0; i < indications; i++)
                    sources[s++] = model.Layout.Cell(i, t, model.TotalSources[m][i]);
        return sources;
    }

    public void Merge(IterationRunner other)
    {
        Cells.Merge(other.Cells);
        _costs?.Merge(other._costs!);
    }
}
