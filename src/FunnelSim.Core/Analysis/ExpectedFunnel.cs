using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// The exact expected value of every funnel count when every parameter is held at a given value (no parameter drawn):
/// the mean a simulation with those values converges to, without its Monte Carlo error. Given the parameters, each
/// count is a Poisson or a chain of binomials, so its expectation is a product of the probabilities, computed with the
/// engine's own arithmetic (growth floored at −1, ramps <c>value + (to − value)·progress(t)</c> clamped to [0, 1]); new patients carry over through
/// <see cref="ExpectedTreatment"/>. Metrics the engine adds beyond the funnel (e.g. costs) have no expectation here.
/// </summary>
/// <remarks>
/// Per indication and year index t, with P(x) a probability at year t:
/// incident = incidence·scale·(1 + max(g, −1))^t; each pre-test step multiplies by its P; laterLine L is the last;
/// fusionPositive F = L·P(prevalence); with u = P(uptake) and u⁺ = min(1, u·ratio) (ratio: uptakeRatioFusionPositive, 1
/// when not given) the tested are T⁺ = F·u⁺ and T⁻ = (L − F)·u, tested = T⁺ + T⁻; first tests give
/// TP₁ = T⁺·Σ_m share_m·P(sens_m) and FP₁ = T⁻·Σ_m share_m·(1 − P(spec_m)); a modality m with a reflex r at probability
/// P(reflex_m) reflex-tests R⁺_m = T⁺·share_m·(1 − P(sens_m))·P(reflex_m) and R⁻_m = T⁻·share_m·P(spec_m)·P(reflex_m),
/// of whom R⁺_m·P(sens_r) and R⁻_m·(1 − P(spec_r)) are positive; truePositive TP and falsePositive FP add these to TP₁ and
/// FP₁; reflexTested = Σ_m (R⁺_m + R⁻_m); identifiedByReflex = the reflex positives; falseNegative = T⁺ − TP;
/// untestedFusionPositive = F − T⁺; identified = TP + FP; each post-detection step multiplies the
/// true- and false-positive streams by its P; treatedNew = their sum. onTreatment and doses in year y sum over the
/// start years t ≤ y the new patients of t times the per-patient expectation y − t years on.
/// One instance reuses scratch buffers: use it from one thread at a time.
/// </remarks>
public sealed class ExpectedFunnel
{
    private readonly CompiledModel _model;
    private readonly bool[] _exact;
    private readonly double[] _newPatients, _doses, _onTreatment;
    private readonly double[] _reflex; // see Reflex

    /// <summary>Prepares the expectations of <paramref name="model"/>'s cells.</summary>
    public ExpectedFunnel(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _exact = ExactCells(model);
        _newPatients = new double[model.Years];
        _doses = new double[model.Years];
        _onTreatment = new double[model.Years];
        _reflex = new double[model.Indications.Length * model.Years * ReflexValues];
    }

    /// <summary>Values per indication and year in <see cref="Reflex"/>.</summary>
    internal const int ReflexValues = 4;

    /// <summary>Offsets in a year's <see cref="Reflex"/> values: fusion-positive and fusion-negative patients negative after
    /// their reflex test, and positive by it.</summary>
    internal const int ReflexFalseNegative = 0, ReflexTrueNegative = 1, ReflexTruePositive = 2, ReflexFalsePositive = 3;

    /// <summary>
    /// The reflex-tested patients split by fusion status and result (see <see cref="ReflexFalseNegative"/>), per indication
    /// and year ((indication · years + year) · <see cref="ReflexValues"/>), from the latest <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, bool)"/>;
    /// zero where an indication has no reflex. The cells give only their sums (<c>reflexTested</c>, <c>identifiedByReflex</c>).
    /// </summary>
    internal ReadOnlySpan<double> Reflex => _reflex;

    /// <summary>True when <paramref name="output"/> (which must pass <see cref="OutputSelection.Check"/>) has an exact
    /// expectation here: every funnel count and its total; not metrics outside the funnel.</summary>
    public bool HasExpectation(OutputSelection output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cell = output.Resolve(_model);
        return cell.Source == OutputSource.Count && IsExact(cell.Index);
    }

    /// <summary>
    /// The expectation of <paramref name="output"/> with every parameter held as in <paramref name="held"/>, which must
    /// hold all of them (e.g. <see cref="ParameterOverrides.AtMeans"/> and <see cref="ParameterOverrides.With"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The output has no expectation, or a parameter is left to be drawn.</exception>
    public double Of(OutputSelection output, ParameterOverrides held)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(held);
        var cell = output.Resolve(_model);
        if (cell.Source != OutputSource.Count || !IsExact(cell.Index))
            throw new ArgumentException($"'{output.Metric}' has no exact expectation.", nameof(output));
        if (!held.FixesAll) throw new ArgumentException("every parameter must be held at a value.", nameof(held));
        var cells = new double[_model.CellCount];
        Compute(held.Start, held.Target, cells);
        return cells[cell.Index];
    }

    /// <summary>True when cell <paramref name="cell"/> has an exact expectation.</summary>
    internal bool IsExact(int cell) => _exact[cell];

    /// <summary>
    /// Writes every exact cell's expectation into <paramref name="cells"/> (length <c>CellCount</c>; other cells are left
    /// as they are), with parameter p at <paramref name="start"/>[p] and its ramp target at <paramref name="target"/>[p]
    /// (ignored without a ramp, as in the engine). Allocates nothing.
    /// </summary>
    internal void Compute(ReadOnlySpan<double> start, ReadOnlySpan<double> target, Span<double> cells) =>
        Compute(start, target, cells, treatment: true);

    /// <summary>As <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>; without
    /// <paramref name="treatment"/>, the cells that carry patients over the years (<c>onTreatment</c>, <c>doses</c>) are left
    /// as they are (the counts of new patients do not need them, and they cost most).</summary>
    internal void Compute(ReadOnlySpan<double> start, ReadOnlySpan<double> target, Span<double> cells, bool treatment)
    {
        var indications = _model.Indications;
        for (int i = 0; i < indications.Length; i++)
            ComputeIndication(indications[i], i, _model.IndicationScale(i, start), start, target, cells[_model.Layout.GroupStart(i)..], treatment);
        SumTotals(cells);
    }

    private void ComputeIndication(CompiledIndication ind, int index, double scale, ReadOnlySpan<double> start, ReadOnlySpan<double> target,
        Span<double> cells, bool treatment)
    {
        int metrics = ind.Metrics.Length;
        int afterPre = CellLayout.TestingStart(ind);
        int afterPost = CellLayout.TreatmentStart(ind);
        double incidence = start[ind.Incidence] * scale;
        double growth = Math.Max(start[ind.Growth], -1);
        double growthFactor = 1;
        for (int t = 0; t < _model.Years; t++)
        {
            var cell = cells.Slice(t * metrics, metrics);
            double lambda = incidence * growthFactor;
            double n = lambda > 0 ? lambda : 0; // the Poisson sampler draws 0 for λ ≤ 0
            growthFactor *= 1 + growth;
            cell[0] = n;
            for (int s = 0; s < ind.PreTestSteps.Length; s++)
            {
                n *= Probability(ind.PreTestSteps[s], t, start, target);
                cell[1 + s] = n;
            }

            double laterLine = n;
            double fusion = laterLine * Probability(ind.Prevalence, t, start, target);
            double other = laterLine - fusion;
            double uptake = Probability(ind.Uptake, t, start, target);
            double uptakeFusion = ind.UptakeRatioFusionPositive >= 0 ? Math.Min(1, uptake * start[ind.UptakeRatioFusionPositive]) : uptake;
            double testedFusion = fusion * uptakeFusion, testedOther = other * uptake;
            // The engine draws the modalities as a chain of conditional binomials with P(m | not positive earlier) =
            // share_m·sens_m / (1 − Σ_{j<m} share_j·sens_j); the products telescope, so E[positives in m] = tested·share_m·sens_m.
            double sensitivity = 0, falsePositiveRate = 0;
            foreach (var modality in ind.Modalities)
            {
                sensitivity += modality.Share * Probability(modality.Sensitivity, t, start, target);
                falsePositiveRate += modality.Share * (1 - Probability(modality.Specificity, t, start, target));
            }
            double truePositive = testedFusion * sensitivity, falsePositive = testedOther * falsePositiveRate;
            // The engine splits the first tests' negatives by the same masses (a multinomial), so again the products telescope.
            var reflex = _reflex.AsSpan((index * _model.Years + t) * ReflexValues, ReflexValues);
            reflex.Clear();
            if (ind.HasReflex)
            {
                foreach (var modality in ind.Modalities)
                {
                    if (modality.Reflex < 0) continue;
                    var second = ind.Modalities[modality.Reflex];
                    double p = Probability(modality.ReflexProbability, t, start, target);
                    double reflexFusion = testedFusion * modality.Share * (1 - Probability(modality.Sensitivity, t, start, target)) * p;
                    double reflexOther = testedOther * modality.Share * Probability(modality.Specificity, t, start, target) * p;
                    double positiveFusion = reflexFusion * Probability(second.Sensitivity, t, start, target);
                    double positiveOther = reflexOther * (1 - Probability(second.Specificity, t, start, target));
                    reflex[ReflexTruePositive] += positiveFusion;
                    reflex[ReflexFalsePositive] += positiveOther;
                    reflex[ReflexFalseNegative] += reflexFusion - positiveFusion;
                    reflex[ReflexTrueNegative] += reflexOther - positiveOther;
                }
                truePositive += reflex[ReflexTruePositive];
                falsePositive += reflex[ReflexFalsePositive];
            }
            double identifiedByReflex = reflex[ReflexTruePositive] + reflex[ReflexFalsePositive];
            double reflexTested = identifiedByReflex + reflex[ReflexFalseNegative] + reflex[ReflexTrueNegative];

            FunnelCells.WriteTesting(cell, afterPre, laterLine, fusion, testedFusion, testedOther, truePositive, falsePositive,
                reflexTested, identifiedByReflex);

            double treatedTrue = truePositive, treatedFalse = falsePositive;
            for (int s = 0; s < ind.PostDetectionSteps.Length; s++)
            {
                double p = Probability(ind.PostDetectionSteps[s], t, start, target);
                treatedTrue *= p;
                treatedFalse *= p;
                cell[afterPre + CellLayout.TestingBlock + s] = treatedTrue + treatedFalse;
            }
            cell[afterPost + CellLayout.TreatedNew] = treatedTrue + treatedFalse;
            cell[afterPost + CellLayout.TreatedNewTruePositive] = treatedTrue;
            cell[afterPost + CellLayout.TreatedNewFalsePositive] = treatedFalse;
            _newPatients[t] = treatedTrue + treatedFalse;
        }

        if (!treatment) return;
        double spread = ind.DurationSpread >= 0 ? start[ind.DurationSpread] : 1;
        ExpectedTreatment.PerPatient(ind.DurationKind, start[ind.DurationMedian], spread, ind.DoseIntervalDays, _doses, _onTreatment);
        for (int y = 0; y < _model.Years; y++)
        {
            double doses = 0, onTreatment = 0;
            for (int t = 0; t <= y; t++)
            {
                doses += _newPatients[t] * _doses[y - t];
                onTreatment += _newPatients[t] * _onTreatment[y - t];
            }
            cells[y * metrics + afterPost + CellLayout.Doses] = doses;
            cells[y * metrics + afterPost + CellLayout.OnTreatment] = onTreatment;
        }
    }

    /// <summary>As the engine: the start value moved towards the ramp target by the ramp's progress, clamped.</summary>
    private double Probability(int parameter, int year, ReadOnlySpan<double> start, ReadOnlySpan<double> target)
    {
        var compiled = _model.Parameters[parameter];
        double from = start[parameter];
        double to = compiled.Target is null ? from : target[parameter];
        return Math.Clamp(from + (to - from) * compiled.Progress[year], 0, 1);
    }

    private void SumTotals(Span<double> cells)
    {
        var layout = _model.Layout;
        int totalMetrics = _model.TotalMetrics.Length;
        for (int t = 0; t < _model.Years; t++)
        {
            for (int m = 0; m < totalMetrics; m++)
            {
                int[] sources = _model.TotalSources[m];
                double sum = 0;
                for (int i = 0; i < sources.Length; i++)
                    sum += cells[layout.Cell(i, t, sources[i])];
                cells[layout.Cell(layout.TotalGroup, t, m)] = sum;
            }
        }
    }

    /// <summary>
    /// Which cells are funnel counts this class computes: checked by name, so a metric the engine adds later (a cost)
    /// is never mistaken for one; a total is exact when every indication's source is.
    /// </summary>
    private static bool[] ExactCells(CompiledModel model)
    {
        var exact = new bool[model.CellCount];
        var exactMetric = new bool[model.Indications.Length][];
        for (int i = 0; i < model.Indications.Length; i++)
        {
            var ind = model.Indications[i];
            string[] funnel = [
                MetricNames.Incident, .. ind.Metrics.AsSpan(1, ind.PreTestSteps.Length),
                MetricNames.LaterLine, MetricNames.FusionPositive, MetricNames.Tested, MetricNames.TruePositive,
                MetricNames.FalsePositive, MetricNames.FalseNegative, MetricNames.UntestedFusionPositive, MetricNames.Identified,
                MetricNames.ReflexTested, MetricNames.IdentifiedByReflex,
                .. ind.Metrics.AsSpan(CellLayout.PostDetectionStep(ind, 0), ind.PostDetectionSteps.Length),
                MetricNames.TreatedNew, MetricNames.TreatedNewTruePositive, MetricNames.TreatedNewFalsePositive,
                MetricNames.OnTreatment, MetricNames.Doses,
            ];
            exactMetric[i] = ind.Metrics.Select((name, m) => m < funnel.Length && funnel[m] == name).ToArray();
        }
        var totalExact = model.TotalSources
            .Select(sources => sources.Select((metric, i) => exactMetric[i][metric]).All(x => x))
            .ToArray();
        for (int g = 0; g <= model.Indications.Length; g++)
        {
            bool[] byMetric = g < model.Indications.Length ? exactMetric[g] : totalExact;
            for (int t = 0; t < model.Years; t++)
                for (int m = 0; m < byMetric.Length; m++)
                    exact[model.Layout.Cell(g, t, m)] = byMetric[m];
        }
        return exact;
    }
}
