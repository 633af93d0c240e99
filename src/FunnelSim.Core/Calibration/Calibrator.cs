using System.Diagnostics;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Calibration;

/// <summary>
/// Bayesian updating of a scenario from observed yearly counts: the prior is the scenario's own distributions
/// (correlations included), the likelihood is exact (<see cref="CountLikelihood"/>), and the posterior is sampled by
/// likelihood-tempered sequential Monte Carlo (<see cref="TemperedSampler"/>). Deterministic for a seed on any thread
/// count. Write the posterior as a scenario with <see cref="PosteriorScenario"/>.
/// </summary>
public static class Calibrator
{
    private static readonly ulong PredictiveKey = StreamKey.Of("calibration/predictive");

    /// <summary>Calibrates <paramref name="model"/> to <paramref name="observations"/> (checked by <see cref="ObservedCounts"/>).</summary>
    /// <exception cref="CalibrationException">No prior draw can give the observations, or the sampler did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CalibrationResult Run(CompiledModel model, IReadOnlyList<Observation> observations, CalibrationOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(options);
        CheckDraws(options);
        var clock = Stopwatch.StartNew();
        var problem = CalibrationProblem.Build(model, observations, options.Seed);
        return Run(problem, options, new LocalParticleMover(problem, options.Threads), progress, cancellationToken, clock);
    }

    /// <summary>
    /// Calibrates <paramref name="problem"/> with the sampler's per-particle work run by <paramref name="mover"/> (on a
    /// cluster's workers, say): the result is the same, bit for bit, whatever runs it. <paramref name="options"/>' seed must
    /// be the problem's; its threads are those of the work done here (the predictive checks).
    /// </summary>
    /// <exception cref="CalibrationException">No prior draw can give the observations, or the sampler did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CalibrationResult Run(CalibrationProblem problem, CalibrationOptions options, IParticleMover mover,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mover);
        if (options.Seed != problem.Seed) throw new ArgumentException("the options' seed is not the problem's", nameof(options));
        CheckDraws(options);
        return Run(problem, options, mover, progress, cancellationToken, Stopwatch.StartNew());
    }

    private static CalibrationResult Run(CalibrationProblem problem, CalibrationOptions options, IParticleMover mover,
        IProgress<double>? progress, CancellationToken cancellationToken, Stopwatch clock)
    {
        var model = problem.Model;
        var observations = problem.Observations;
        var (exact, simulated) = (problem.Exact, problem.Simulated);
        var prior = problem.Prior;
        var newEvaluator = problem.NewEvaluator;
        var sampler = new TemperedSampler(mover, prior.Dimensions, options.Draws, options.Seed);
        var outcome = sampler.Run(progress, cancellationToken);

        int n = options.Draws, d = prior.Dimensions;
        var posteriorValues = ValuesOf(prior, outcome.Posterior, n);
        var column = prior.Slots.Select((slot, j) => (slot.Path, j)).ToDictionary(x => x.Path, x => x.j, StringComparer.Ordinal);
        var parameters = ParameterSlot.All(model.ParameterList).Where(s => s.IsUncertain)
            .Select(slot => column.TryGetValue(slot.Path, out int j) ? Update(model, slot, posteriorValues, j, d) : Unchanged(model, slot))
            .ToArray();
        var checks = Checks(model, observations, exact, outcome, options, newEvaluator);
        var projection = Projection(model, observations, outcome, options, newEvaluator);
        var warnings = new List<string>();
        foreach (var check in checks.Where(c => c.Conflict))
            warnings.Add($"{check.Observation}: observed {check.Observation.Value:N0} lies outside the prior predictive 99% interval " +
                         $"({check.PriorLow99:N0} to {check.PriorHigh99:N0}): the data and the scenario disagree, so the posterior " +
                         "rests on the inputs that can move furthest; check the observation and the inputs' ranges");
        double minEss = outcome.Stages.Min(s => s.EffectiveSampleSize);
        if (minEss < 0.05 * n)
            warnings.Add($"the effective sample size fell to {minEss:N0} of {n:N0} draws in one stage; try more --draws");
        return new CalibrationResult
        {
            Scenario = model.Scenario,
            Observations = observations,
            Options = options,
            Parameters = parameters,
            Checks = checks,
            Projection = projection,
            Likelihood = simulated.Length == 0 ? ExactLikelihood
                : (exact.Length == 0 ? "" : ExactLikelihood + " for " + Plural(exact.Length, "count") + "; ") +
                  $"approximate for {string.Join(", ", simulated.Select(o => o.Metric).Distinct())} ({Plural(simulated.Length, "count")}): " +
                  $"approximate Bayesian computation by a Gaussian synthetic likelihood from {SimulatedLikelihood.Replicates} simulated " +
                  "histories per draw" + (exact.Length == 0 ? "" : ", given the exact counts"),
            EffectiveSampleSize = outcome.Stages[^1].EffectiveSampleSize,
            MinEffectiveSampleSize = minEss,
            Stages = outcome.Stages.Count,
            Acceptance = outcome.Stages.Average(s => s.Acceptance),
            Warnings = warnings,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
            PosteriorValues = posteriorValues,
            InformedPaths = [.. prior.Slots.Select(s => s.Path)],
        };
    }

    private static void CheckDraws(CalibrationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Draws, CalibrationOptions.MinDraws);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Draws, CalibrationOptions.MaxDraws);
    }

    private const string ExactLikelihood = "exact: Poisson counts thinned by binomial steps (nested counts multinomial given their container)";

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// The uncertain quantities the observations depend on: each moved alone to its 10th and 90th percentiles (the others
    /// at their means) changes some observed count's expectation; plus every quantity rank-correlated with one of them,
    /// directly or through others (its posterior moves through the correlation). The rest keep their prior exactly.
    /// </summary>
    internal static HashSet<string> Informed(CompiledModel model, IReadOnlyList<Observation> observations)
    {
        var expected = new Analysis.ExpectedFunnel(model);
        var start = model.ParameterList.Select(p => p.Start.Mean).ToArray();
        var target = model.ParameterList.Select(p => p.RampTarget?.Mean ?? p.Start.Mean).ToArray();
        var observed = observations.Select(o => SimulatedLikelihood.CellOf(model, o)).ToArray();
        var cells = new double[model.CellCount];
        double[] Means(double[] s, double[] t)
        {
            expected.Compute(s, t, cells);
            return [.. observed.Select(c => cells[c])];
        }
        var baseline = Means(start, target);
        var informed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in ParameterSlot.All(model.ParameterList).Where(s => s.IsUncertain))
        {
            foreach (double q in (double[])[0.1, 0.9])
            {
                var s = (double[])start.Clone();
                var t = (double[])target.Clone();
                double value = slot.Distribution.InverseCdf(q);
                if (slot.IsRampTarget) t[slot.ParameterIndex] = value;
                else
                {
                    s[slot.ParameterIndex] = value;
                    if (model.ParameterList[slot.ParameterIndex].RampTarget is null) t[slot.ParameterIndex] = value;
                }
                if (!Means(s, t).AsSpan().SequenceEqual(baseline)) informed.Add(slot.Path);
            }
        }
        var correlations = model.Scenario.Correlations.IsDefaultOrEmpty ? [] : model.Scenario.Correlations.ToArray();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var c in correlations)
            {
                if (informed.Contains(c.A) != informed.Contains(c.B))
                {
                    informed.Add(c.A);
                    informed.Add(c.B);
                    grew = true;
                }
            }
        }
        return informed;
    }

    private static ParameterUpdate Unchanged(CompiledModel model, ParameterSlot slot)
    {
        var distribution = slot.Distribution;
        var prior = new Interval(distribution.Mean, distribution.InverseCdf(0.05), distribution.InverseCdf(0.95));
        return new ParameterUpdate(slot.Path, Label(model, slot), prior, prior, 0, 1, Informed: false, Updated: false);
    }

    private static double[] ValuesOf(PriorSpace prior, double[] latent, int n)
    {
        int d = prior.Dimensions;
        var values = new double[n * d];
        for (int j = 0; j < n; j++) prior.Values(latent.AsSpan(j * d, d), values.AsSpan(j * d, d));
        return values;
    }

    private static ParameterUpdate Update(CompiledModel model, ParameterSlot slot, double[] posterior, int j, int d)
    {
        var draws = Column(posterior, j, d);
        var distribution = slot.Distribution;
        var before = new Interval(distribution.Mean, distribution.InverseCdf(0.05), distribution.InverseCdf(0.95));
        var after = Summarise(draws);
        double sd = distribution.StandardDeviation;
        double shift = sd > 0 ? (after.Mean - before.Mean) / sd : 0;
        double priorWidth = before.P95 - before.P5;
        double ratio = priorWidth > 0 ? (after.P95 - after.P5) / priorWidth : 1;
        bool updated = Math.Abs(shift) >= 0.1 || ratio <= 0.9 || ratio >= 1.1;
        return new ParameterUpdate(slot.Path, Label(model, slot), before, after, shift, ratio, Informed: true, updated);
    }

    /// <summary>The input's label with the indication's id for its name (<c>nsclc · NRG1 fusion prevalence</c>).</summary>
    private static string Label(CompiledModel model, ParameterSlot slot)
    {
        string label = model.ParameterList[slot.ParameterIndex].Label;
        foreach (var indication in model.Scenario.Indications)
        {
            string prefix = (indication.Name ?? indication.Id) + " · ";
            if (label.StartsWith(prefix, StringComparison.Ordinal)) label = indication.Id + " · " + label[prefix.Length..];
        }
        return label + (slot.IsRampTarget ? " (ramp target)" : "");
    }

    private static ObservationCheck[] Checks(CompiledModel model, IReadOnlyList<Observation> observations, Observation[] exact,
        TemperedSampler.Outcome outcome, CalibrationOptions options, Func<LikelihoodEvaluator> evaluators)
    {
        int n = options.Draws, m = observations.Count;
        // Exact counts: Poisson with their expectation at the draw; the others: one simulated history at the draw.
        var exactIndex = observations.Select(o => Array.IndexOf(exact, o)).ToArray();
        var cells = observations.Select(o => SimulatedLikelihood.CellOf(model, o)).ToArray();
        var direct = exactIndex.Select(i => i < 0).ToArray();
        var (priorCounts, posteriorCounts) = Predictive(outcome, options, evaluators, m, 0, direct, (evaluator, z, iteration, means) =>
        {
            var exactMeans = new double[exact.Length];
            evaluator.LogLikelihood(z, simulate: false);
            evaluator.ObservedMeans(exactMeans);
            var simulatedCells = direct.Any(d => d) ? evaluator.Simulate(z, iteration) : default;
            for (int o = 0; o < m; o++)
                means[o] = direct[o] ? observations[o].Fraction * simulatedCells[cells[o]] : exactMeans[exactIndex[o]];
        });
        var checks = new ObservationCheck[m];
        for (int o = 0; o < m; o++)
        {
            var before = priorCounts.AsSpan(o * n, n).ToArray();
            Array.Sort(before);
            double low = Percentile(before, 0.005), high = Percentile(before, 0.995);
            long value = observations[o].Value;
            checks[o] = new ObservationCheck(observations[o], before.Average(), low, high, value < low || value > high,
                Summarise(posteriorCounts.AsSpan(o * n, n).ToArray()));
        }
        return checks;
    }

    private static ProjectionRow[] Projection(CompiledModel model, IReadOnlyList<Observation> observations,
        TemperedSampler.Outcome outcome, CalibrationOptions options, Func<LikelihoodEvaluator> evaluators)
    {
        // What is shown: every observed (indication, metric), and new starts in total.
        var series = observations.Select(o => (o.Indication, o.Metric)).Append((Observation.Total, MetricNames.TreatedNew)).Distinct().ToArray();
        var indications = model.Scenario.Indications;
        var cells = new List<(string Indication, string Metric, int Year, int Cell)>();
        foreach (var (indication, metric) in series)
        {
            int group = indication == Observation.Total ? indications.Length : indications.IndexOf(indications.First(i => i.Id == indication));
            int metricIndex = Array.IndexOf(model.MetricsOf(group), metric);
            if (metricIndex < 0) continue;
            for (int t = 0; t < model.Years; t++)
                cells.Add((indication, metric, model.Scenario.StartYear + t, model.GroupOffsets[group] + t * model.MetricCount(group) + metricIndex));
        }
        int n = options.Draws, c = cells.Count;
        // New patients: Poisson with their expectation at the draw; patients on treatment and doses (observed only where
        // simulated): one simulated history at the draw.
        var direct = cells.Select(x => SimulatedLikelihood.IsSimulated(model, 0, x.Metric)).ToArray();
        var (priorCounts, posteriorCounts) = Predictive(outcome, options, evaluators, c, 2L * n, direct, (evaluator, z, iteration, means) =>
        {
            evaluator.Expect(z);
            var expected = evaluator.Cells;
            for (int i = 0; i < c; i++) means[i] = expected[cells[i].Cell];
            if (!direct.Any(d => d)) return;
            var simulatedCells = evaluator.Simulate(z, iteration);
            for (int i = 0; i < c; i++)
                if (direct[i]) means[i] = simulatedCells[cells[i].Cell];
        });
        var rows = new ProjectionRow[c];
        for (int i = 0; i < c; i++)
        {
            var (indication, metric, year, _) = cells[i];
            var observed = observations.FirstOrDefault(o => o.Indication == indication && o.Metric == metric && o.Year == year);
            rows[i] = new ProjectionRow(indication, metric, year, Summarise(priorCounts.AsSpan(i * n, n).ToArray()),
                Summarise(posteriorCounts.AsSpan(i * n, n).ToArray()), observed?.Value, observed?.Fraction ?? 1);
        }
        return rows;
    }

    /// <summary>
    /// Predictive counts of <paramref name="columns"/> quantities for each prior and each posterior draw, column c of draw j
    /// at [c * draws + j]: <paramref name="values"/> gives each column's mean at the draw (every count of new patients is
    /// Poisson given the inputs, and is drawn so), or for a <paramref name="direct"/> column the count itself (from a
    /// simulated history: the draw's iteration is <see cref="SimulatedLikelihood.Replicates"/> + the stream's index).
    /// Streams are keyed by <paramref name="streamOffset"/> + the draw's index.
    /// </summary>
    private static (double[] Prior, double[] Posterior) Predictive(TemperedSampler.Outcome outcome, CalibrationOptions options,
        Func<LikelihoodEvaluator> evaluators, int columns, long streamOffset, bool[] direct,
        Action<LikelihoodEvaluator, ReadOnlySpan<double>, long, double[]> values)
    {
        int n = options.Draws, d = outcome.Prior.Length / n;
        var prior = new double[columns * n];
        var posterior = new double[columns * n];
        Parallel.For(0, 2 * n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, evaluators, (k, _, evaluator) =>
        {
            bool after = k >= n;
            int j = after ? k - n : k;
            var mean = new double[columns];
            values(evaluator, (after ? outcome.Posterior : outcome.Prior).AsSpan(j * d, d), SimulatedLikelihood.Replicates + streamOffset + k, mean);
            var rng = Rng.ForStream(options.Seed, streamOffset + k, PredictiveKey);
            var counts = after ? posterior : prior;
            for (int c = 0; c < columns; c++)
                counts[c * n + j] = direct[c] ? mean[c] : PoissonSampler.Sample(ref rng, Math.Max(0, mean[c]));
            return evaluator;
        }, _ => { });
        return (prior, posterior);
    }

    internal static double[] Column(double[] values, int j, int d)
    {
        int n = values.Length / d;
        var column = new double[n];
        for (int i = 0; i < n; i++) column[i] = values[i * d + j];
        return column;
    }

    private static Interval Summarise(double[] draws)
    {
        Array.Sort(draws);
        return new Interval(draws.Average(), Percentile(draws, 0.05), Percentile(draws, 0.95));
    }

    /// <summary>Percentile of sorted <paramref name="sorted"/> by linear interpolation (Hyndman and Fan type 7).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
