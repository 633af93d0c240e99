using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Analysis;

/// <summary>
/// Global drivers of one output from one probabilistic run: Spearman rank correlation, standardized regression
/// coefficients, and a tree surrogate with permutation importance on a variance-share scale, over the same draws; the
/// surrogate is judged against the attainable ceiling (<see cref="AttainableFit"/>) next to a held-out linear baseline. The draws are those of a plain
/// run with the same seed and are collected by iteration index, so the result is the same for any thread count.
/// </summary>
public static class DriversAnalysis
{
    /// <summary>
    /// Runs <paramref name="model"/> for <see cref="DriversOptions.Draws"/> iterations and ranks the uncertain inputs by
    /// how strongly they drive <paramref name="output"/>, which must pass <see cref="OutputSelection.Check"/>.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static DriversResult Run(CompiledModel model, OutputSelection output, DriversOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Draws < DriversOptions.MinDraws)
            throw new ArgumentOutOfRangeException(nameof(options), $"at least {DriversOptions.MinDraws} draws");
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var cell = output.Resolve(model);
        var resolved = output with { Year = output.YearIn(model) };
        var inputs = DriverInput.Uncertain(model);
        var (all, workers) = DriversSample.Collect(model, inputs, cell, options.Draws, options.Seed, options.EffectiveThreads,
            progress, cancellationToken);
        // Iterations in which the output has no value (a per-treated amount with nobody treated) are left out.
        var sample = all.Defined();
        int? used = sample.Rows < all.Rows ? sample.Rows : null;
        var distribution = sample.Rows > 0 ? OutputDistribution.Of(sample.Output) : new OutputDistribution(0, 0, 0, 0, 0);
        int fixedCount = model.ParameterList.Count(p => p.IsFixed);
        var scenario = model.Scenario with
        {
            Simulation = model.Scenario.Simulation with { Iterations = options.Iterations, Seed = options.Seed },
        };

        DriversResult Finish(SurrogateFit? surrogate, double linear, IReadOnlyList<ParameterDriver> drivers, string? note)
        {
            var run = new DriversRun(options.Iterations, options.Draws, options.Seed, Simulator.EngineVersion, workers,
                time.GetElapsedTime(started).TotalSeconds) { DrawsUsed = used };
            return new DriversResult(scenario, resolved, distribution, run, surrogate, linear, drivers, fixedCount, note)
            {
                Currency = output.IsMoney ? model.Scenario.Costs?.Currency : null,
            };
        }

        if (inputs.Count == 0)
            return Finish(null, 0, [], "every parameter is fixed, so nothing varies between iterations but the patient counts");
        if (sample.Rows < DriversOptions.MinDraws)
            return Finish(null, 0, [], $"'{output.Metric}' has a value in only {sample.Rows:N0} of {all.Rows:N0} draws; " +
                                       $"at least {DriversOptions.MinDraws} are needed");
        if (distribution.Sd == 0)
            return Finish(null, 0, [], $"the output is {distribution.Mean:R} in every draw, so no input moves it");

        var ranks = RankCorrelation.Ranks(sample.Output);
        var spearman = sample.Inputs.Select(column => RankCorrelation.Pearson(RankCorrelation.Ranks(column), ranks)).ToArray();
        var (coefficients, linearRSquared) = StandardizedRegression.Fit(sample.Inputs, sample.Output);
        cancellationToken.ThrowIfCancellationRequested();
        var (tree, importance) = TreeSurrogate.Fit(sample.Inputs, sample.Output, DriversOptions.TestShare, cancellationToken);
        double attainable = AttainableFit.Estimate(model, cell, options.Seed, Math.Max(options.Draws, options.Iterations),
            distribution.Sd * distribution.Sd, cancellationToken);
        var surrogate = tree with
        {
            AttainableRSquared = attainable,
            LinearRSquared = StandardizedRegression.HeldOutRSquared(sample.Inputs, sample.Output, tree.TestDraws),
        };

        int[] spearmanRank = RankBy(spearman.Select(Math.Abs).ToArray());
        int[] regressionRank = RankBy(coefficients.Select(Math.Abs).ToArray());
        int[] importanceRank = RankBy(importance);
        var drivers = inputs
            .Select((input, j) => new ParameterDriver(input.Path, input.Label, spearman[j], coefficients[j], importance[j],
                new DriverRanks(spearmanRank[j], regressionRank[j], importanceRank[j])))
            .OrderBy(d => d.Ranks.Importance)
            .ThenBy(d => d.Ranks.Spearman)
            .ToArray();
        return Finish(surrogate, linearRSquared, drivers, null);
    }

    /// <summary>1 for the largest value, 2 for the next, …; ties (and NaN, last) keep document order.</summary>
    private static int[] RankBy(double[] strength)
    {
        var order = Enumerable.Range(0, strength.Length)
            .OrderByDescending(j => double.IsNaN(strength[j]) ? double.NegativeInfinity : strength[j])
            .ThenBy(j => j)
            .ToArray();
        var rank = new int[strength.Length];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r + 1;
        return rank;
    }
}
