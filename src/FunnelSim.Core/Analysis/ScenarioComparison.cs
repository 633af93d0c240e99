using FunnelSim.Engine;
using FunnelSim.Results;
using FunnelSim.Scenarios;

namespace FunnelSim.Analysis;

/// <summary>
/// Compares two scenarios iteration by iteration with common random numbers: iteration k of both draws from the
/// streams of <c>(seed, k)</c>, keyed by the stable ids of parameters and steps, so an input the scenarios share
/// takes the same value in both and the difference B − A carries only the effect of what changed. Identical
/// scenarios give a difference of exactly zero in every iteration.
/// </summary>
public static class ScenarioComparison
{
    /// <summary>Compiles and compares two validated scenarios with <paramref name="options"/>' iterations and seed.</summary>
    public static ComparisonResult Run(Scenario a, Scenario b, RunOptions options, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(ModelCompiler.Compile(a), ModelCompiler.Compile(b), options, progress, cancellationToken);

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static ComparisonResult Run(CompiledModel a, CompiledModel b, RunOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var layout = ComparisonLayout.Create(a, b);
        var runners = BlockScheduler.Run(options.Iterations, options.EffectiveThreads,
            () => new ComparisonRunner(a, b, layout, options.Seed), (runner, first, count) => runner.Run(first, count),
            progress, cancellationToken);
        for (int w = 1; w < runners.Length; w++) runners[0].Merge(runners[w]);

        var run = new RunInfo(options.Iterations, options.Seed, "monte-carlo", Simulator.EngineVersion, runners.Length,
            time.GetElapsedTime(started).TotalSeconds);
        return Build(a, b, layout, runners[0], run);
    }

    private static ComparisonResult Build(CompiledModel a, CompiledModel b, ComparisonLayout layout, ComparisonRunner sums, RunInfo run)
    {
        var indications = new List<IndicationComparison>();
        TotalComparison? total = null;
        foreach (var group in layout.Groups)
        {
            var years = group.Years.Select(y => new YearComparison(y.Year, y.Metrics.ToDictionary(
                m => m.Metric, m => Compare(layout, sums, m.Pair), StringComparer.Ordinal))).ToList();
            if (group.Id is null) total = new TotalComparison(years);
            else indications.Add(new IndicationComparison(group.Id, group.Name, years));
        }
        return new ComparisonResult(Echo(a, run), Echo(b, run), run, indications, total!);
    }

    private static MetricComparison Compare(ComparisonLayout layout, ComparisonRunner sums, int pair)
    {
        var difference = ResultBuilder.Summarize(sums.Differences, pair);
        return new MetricComparison(
            ResultBuilder.Summarize(sums.A, layout.CellsA[pair]),
            ResultBuilder.Summarize(sums.B, layout.CellsB[pair]),
            new DifferenceSummary(difference.Mean, difference.Sd, difference.P5, difference.P50, difference.P95),
            (double)sums.BGreater[pair] / sums.Differences.Iterations);
    }

    /// <summary>The scenario as run: the comparison's iterations and seed replace the file's, so it reruns as compared.</summary>
    private static Scenario Echo(CompiledModel model, RunInfo run) => model.Scenario with
    {
        Simulation = model.Scenario.Simulation with { Iterations = run.Iterations, Seed = run.Seed },
    };
}
