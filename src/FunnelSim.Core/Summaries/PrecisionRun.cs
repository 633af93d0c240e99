using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;
using FunnelSim.Sampling;

namespace FunnelSim.Summaries;

/// <summary>
/// Runs a model in chunks until the headline metric is precise enough (see <see cref="PrecisionTarget"/>). Chunk k runs
/// iterations [n(k−1), n(k)) on their own random streams and its exact integer summaries merge with the earlier chunks',
/// so a result reached this way is bit-identical to a plain run of the same iteration count and seed. Under replicated
/// Latin hypercube sampling the first chunk is laid out in the scenario's replicates and every later chunk adds whole
/// replicates of the same size (<see cref="HypercubeReplicates"/>), so the result is a plain run of the final iteration
/// count with the final number of replicates (both echoed in the result).
/// </summary>
public static class PrecisionRun
{
    /// <summary>The metric judged.</summary>
    public const string Metric = MetricNames.TreatedNew;

    /// <summary>Runs <paramref name="model"/> to <paramref name="target"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <param name="model">The model.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="target">The precision asked and the cap.</param>
    /// <param name="threads">Worker threads (never changes the result); 0 for all cores.</param>
    /// <param name="progress">Progress over the cap.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="time">Clock for the elapsed time.</param>
    /// <param name="expectations">Each cell's exact expectation (<c>Analysis.ExpectedFunnel.AtParameterMeans</c>; NaN where
    /// none): a headline cell that was 0 in every iteration is skipped only when its expectation is 0, and with a non-zero
    /// expectation it is a rare event not yet seen, so the target is not reached (<see cref="ConvergenceInfo.NotReachedCells"/>).
    /// Null: such cells are skipped (and named).</param>
    public static SimulationResult Run(CompiledModel model, ulong seed, PrecisionTarget target, int threads = 0,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null,
        IReadOnlyList<double>? expectations = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
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
        HypercubeReplicates? replicates = null;
        if (model.Scenario.Simulation.Sampling == SamplingMethod.LatinHypercube)
        {
            next = Math.Max(next, SimulationSettings.MinLatinHypercubeIterations);
            replicates = new HypercubeReplicates(next, model.Scenario.Simulation.LhsReplicates);
        }
        long layout = next;
        int chunks = 0, usedThreads = 1;
        Judgement precision;
        while (true)
        {
            long offset = done;
            var chunkProgress = progress is null ? null : new OffsetProgress(progress, offset, target.MaxIterations);
            var runners = BlockScheduler.Run(next - done, workerThreads, () => new IterationRunner(model, seed, iterations: layout),
                (runner, first, count) => runner.Run(offset + first, count), chunkProgress, cancellationToken);
            usedThreads = Math.Max(usedThreads, runners.Length);
            all ??= runners[0];
            foreach (var runner in all == runners[0] ? runners.Skip(1) : runners) all.Merge(runner);
            done = next;
            chunks++;
            precision = Judge(all.Cells, cells, expectations);
            if (precision.Reached(target) || done >= target.MaxIterations) break;
            next = NextEnd(done, Math.Max(precision.Worst, precision.Planning), target);
            if (replicates is { } r)
            {
                // Whole replicates of the first chunk's size; stop where the cap leaves no room for one more.
                long size = r.Size;
                long whole = Math.Max(1, (next - done + size - 1) / size);
                long room = (target.MaxIterations - done) / size;
                if (room < 1) break;
                next = done + Math.Min(whole, room) * size;
            }
        }

        string reason = precision.Reached(target) ? ConvergenceInfo.PrecisionReached : ConvergenceInfo.MaxIterationsReached;
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        var run = new RunInfo(done, seed, FormatNames.Of(model.Scenario.Simulation.Sampling), Simulator.EngineVersion, usedThreads, elapsed)
        {
            Convergence = new ConvergenceInfo(Metric, target.RelativeError, precision.Worst, precision.Where, reason,
                target.MaxIterations, chunks)
            {
                SkippedCells = precision.Skipped.Count > 0 ? precision.Skipped : null,
                NotReachedCells = precision.NotReached.Count > 0 ? precision.NotReached : null,
            },
        };
        return ResultBuilder.Build(model, run, RunState.Of(all));
    }

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

    /// <summary>
    /// The judgement of the headline cells after a chunk: the worst MCSE / mean over the cells with a non-zero mean; the
    /// cells 0 in every iteration, skipped (0 in expectation, or no expectation known) or not reached (a non-zero
    /// expectation: a rare event not yet seen); and for planning the next chunk, the relative error such a rare cell
    /// would have if its counts were Poisson, 1/√(expectation · n).
    /// </summary>
    private sealed record Judgement(double Worst, string? Where, double Planning, List<string> Skipped, List<RareCell> NotReached)
    {
        public bool Reached(PrecisionTarget target) => Worst <= target.RelativeError && NotReached.Count == 0;
    }

    private static Judgement Judge(CellAccumulators accumulators, (int Cell, string Name)[] cells, IReadOnlyList<double>? expectations)
    {
        double worst = 0, planning = 0;
        string? where = null;
        var skipped = new List<string>();
        var notReached = new List<RareCell>();
        foreach (var (cell, name) in cells)
        {
            var (mean, _, mcse) = ExactMoments.Of(accumulators.Iterations, accumulators.Sum(cell), accumulators.SumOfSquares(cell));
            if (accumulators.Replicates > 0) (mean, mcse) = ReplicateMoments.Of(accumulators, cell);
            if (mean == 0)
            {
                // Counts are never negative: a mean of 0 is 0 in every iteration so far.
                double expected = expectations is null ? double.NaN : expectations[cell];
                if (expected > 0)
                {
                    notReached.Add(new RareCell(name, expected));
                    planning = Math.Max(planning, 1 / Math.Sqrt(expected * accumulators.Iterations));
                }
                else
                {
                    skipped.Add(name);
                }
                continue;
            }
            double relative = mcse / Math.Abs(mean);
            if (where is null || relative > worst)
            {
                worst = relative;
                where = name;
            }
        }
        return new Judgement(worst, where, planning, skipped, notReached);
    }

    /// <summary>Reports a chunk's progress as progress of the whole run (iterations so far, out of the cap).</summary>
    private sealed class OffsetProgress(IProgress<RunProgress> inner, long offset, long total) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => inner.Report(new RunProgress(offset + value.Done, total));
    }
}
