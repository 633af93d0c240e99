using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;

namespace FunnelSim.Summaries;

/// <summary>
/// Runs a model in chunks until the headline metric is precise enough (see <see cref="PrecisionTarget"/>). Chunk k runs
/// iterations [n(k−1), n(k)) on their own random streams and its exact integer summaries merge with the earlier chunks',
/// so a result reached this way is bit-identical to a plain run of the same iteration count and seed.
/// </summary>
public static class PrecisionRun
{
    /// <summary>The metric judged.</summary>
    public const string Metric = MetricNames.TreatedNew;

    /// <summary>Runs <paramref name="model"/> to <paramref name="target"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <exception cref="ArgumentException">The model uses Latin hypercube sampling, whose iteration count must be fixed up front.</exception>
    public static SimulationResult Run(CompiledModel model, ulong seed, PrecisionTarget target, int threads = 0,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
        if (model.Scenario.Simulation.Sampling == SamplingMethod.LatinHypercube)
            throw new ArgumentException(LatinHypercubeRefusal, nameof(model));
        if (!(target.RelativeError > 0 && target.RelativeError < 1))
            throw new ArgumentOutOfRangeException(nameof(target), "the relative error must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(target.MaxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(target.FirstChunk, 1);
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();
        int workerThreads = threads > 0 ? threads : Environment.ProcessorCount;
        var cells = HeadlineCells(model);

        IterationRunner? all = null;
        long done = 0, next = Math.Min(target.MaxIterations, target.FirstChunk);
        int chunks = 0, usedThreads = 1;
        (double Worst, string? Where) precision;
        while (true)
        {
            long offset = done;
            var chunkProgress = progress is null ? null : new OffsetProgress(progress, offset, target.MaxIterations);
            var runners = BlockScheduler.Run(next - done, workerThreads, () => new IterationRunner(model, seed),
                (runner, first, count) => runner.Run(offset + first, count), chunkProgress, cancellationToken);
            usedThreads = Math.Max(usedThreads, runners.Length);
            all ??= runners[0];
            foreach (var runner in all == runners[0] ? runners.Skip(1) : runners) all.Merge(runner);
            done = next;
            chunks++;
            precision = Worst(all.Cells, cells);
            if (precision.Worst <= target.RelativeError || done >= target.MaxIterations) break;
            next = NextEnd(done, precision.Worst, target);
        }

        string reason = precision.Worst <= target.RelativeError ? ConvergenceInfo.PrecisionReached : ConvergenceInfo.MaxIterationsReached;
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        var run = new RunInfo(done, seed, FormatNames.Of(model.Scenario.Simulation.Sampling), Simulator.EngineVersion, usedThreads, elapsed)
        {
            Convergence = new ConvergenceInfo(Metric, target.RelativeError, precision.Worst, precision.Where, reason,
                target.MaxIterations, chunks),
        };
        return ResultBuilder.Build(model, run, RunState.Of(all));
    }

    /// <summary>Why a Latin hypercube scenario cannot run to a precision target.</summary>
    public const string LatinHypercubeRefusal =
        "a precision target needs Monte Carlo sampling: with Latin hypercube sampling every parameter's strata are laid " +
        "out over a fixed number of iterations, so the count must be chosen up front (use --iterations), or set " +
        "simulation.sampling to 'monte-carlo'";

    /// <summary>
    /// The next chunk end: the iterations the worst cell needs if its standard deviation holds (MCSE falls as 1/√n), with
    /// 10% to spare, at most four times the iterations so far (an early estimate may be rough), rounded up.
    /// </summary>
    internal static long NextEnd(long done, double worst, PrecisionTarget target)
    {
        double ratio = worst / target.RelativeError;
        double needed = done * ratio * ratio * 1.1;
        long end = (long)Math.Min(Math.Min(needed, 4.0 * done), target.MaxIterations);
        end = (end + PrecisionTarget.Granularity - 1) / PrecisionTarget.Granularity * PrecisionTarget.Granularity;
        return Math.Min(target.MaxIterations, Math.Max(end, done + PrecisionTarget.Granularity));
    }

    /// <summary>The cells of the headline metric: every indication × year, then the total's years, with their names.</summary>
    private static (int Cell, string Name)[] HeadlineCells(CompiledModel model)
    {
        var cells = new List<(int, string)>();
        int groups = model.Indications.Length + 1;
        for (int g = 0; g < groups; g++)
        {
            int metric = Array.IndexOf(model.MetricsOf(g), Metric);
            if (metric < 0) continue;
            string group = g < model.Indications.Length ? model.Indications[g].Id : "total";
            for (int t = 0; t < model.Years; t++)
                cells.Add((model.Layout.Cell(g, t, metric), $"{group} {model.Scenario.StartYear + t}"));
        }
        return [.. cells];
    }

    private static (double Worst, string? Where) Worst(CellAccumulators accumulators, (int Cell, string Name)[] cells)
    {
        double worst = 0;
        string? where = null;
        foreach (var (cell, name) in cells)
        {
            var (mean, _, mcse) = ExactMoments.Of(accumulators.Iterations, accumulators.Sum(cell), accumulators.SumOfSquares(cell));
            if (mean == 0) continue;
            double relative = mcse / Math.Abs(mean);
            if (where is null || relative > worst)
            {
                worst = relative;
                where = name;
            }
        }
        return (worst, where);
    }

    /// <summary>Reports a chunk's progress as progress of the whole run (iterations so far, out of the cap).</summary>
    private sealed class OffsetProgress(IProgress<RunProgress> inner, long offset, long total) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => inner.Report(new RunProgress(offset + value.Done, total));
    }
}
