using System.Diagnostics;
using FunnelSim.Results;
using FunnelSim.Scenarios;

namespace FunnelSim.Engine;

/// <summary>Runs a <see cref="CompiledModel"/> in parallel and reduces the iterations to summaries.</summary>
public static class Simulator
{
    /// <summary>
    /// Iterations are handed out in blocks of this size. Every iteration has its own random streams and every
    /// summary is an exact integer reduction, so the split (and the thread count) cannot change a result.
    /// </summary>
    internal const int BlockSize = 2048;

    /// <summary>Version of the engine, written in every result so a result can be rerun the same way.</summary>
    public const string EngineVersion = "1.0.0";

    /// <summary>Compiles and runs <paramref name="scenario"/> with its own iterations and seed.</summary>
    public static SimulationResult Run(Scenario scenario, int threads = 0, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(ModelCompiler.Compile(scenario),
            new RunOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed, threads),
            progress, cancellationToken);

    /// <summary>Runs <paramref name="model"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static SimulationResult Run(CompiledModel model, RunOptions options, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one iteration");
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        long blocks = (options.Iterations + BlockSize - 1) / BlockSize;
        int threads = (int)Math.Min(options.EffectiveThreads, blocks);
        var runners = new IterationRunner[threads];
        long nextBlock = -1, done = 0;

        void Work(int worker)
        {
            var runner = runners[worker] = new IterationRunner(model, options.Seed);
            long block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long first = block * BlockSize;
                long count = Math.Min(BlockSize, options.Iterations - first);
                runner.Run(first, count);
                long finished = Interlocked.Add(ref done, count);
                progress?.Report(new RunProgress(finished, options.Iterations));
            }
        }

        if (threads == 1)
        {
            Work(0);
        }
        else
        {
            var tasks = new Task[threads];
            for (int w = 0; w < threads; w++)
            {
                int worker = w;
                tasks[w] = Task.Factory.StartNew(() => Work(worker), cancellationToken,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();

        for (int w = 1; w < threads; w++) runners[0].Merge(runners[w]);
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        var run = new RunInfo(options.Iterations, options.Seed, "monte-carlo", EngineVersion, threads, elapsed);
        return ResultBuilder.Build(model, run, runners[0].Cells);
    }
}
