using System.Diagnostics;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Summaries;

/// <summary>Runs a <see cref="CompiledModel"/> in parallel and reduces the iterations to summaries.</summary>
public static class Simulator
{
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
        CancellationToken cancellationToken = default, TimeProvider? time = null) =>
        Run(model, options, null, progress, cancellationToken, time);

    /// <summary>
    /// Runs <paramref name="model"/>, giving each worker an observer made by <paramref name="observers"/> (null: none) that sees
    /// every iteration it simulates; a worker that fails mid-block abandons its observer.
    /// </summary>
    internal static SimulationResult Run(CompiledModel model, RunOptions options, Func<IterationObserver>? observers,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one iteration");
        if (options.Overrides is { } overrides && overrides.Start.Length != model.Parameters.Length)
            throw new ArgumentException("the overrides belong to another model", nameof(options));
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var runners = BlockScheduler.Run(options.Iterations, options.EffectiveThreads,
            () => new IterationRunner(model, options.Seed, options.Overrides, options.Iterations, observers?.Invoke()),
            observers is null ? (runner, first, count) => runner.Run(first, count) : RunObserved,
            progress, cancellationToken);
        for (int w = 1; w < runners.Length; w++) runners[0].Merge(runners[w]);
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        var run = new RunInfo(options.Iterations, options.Seed, FormatNames.Of(model.Scenario.Simulation.Sampling),
            EngineVersion, runners.Length, elapsed);
        return ResultBuilder.Build(model, run, RunState.Of(runners[0]));
    }

    private static void RunObserved(IterationRunner runner, long first, long count)
    {
        try
        {
            runner.Run(first, count);
        }
        catch
        {
            runner.Observer!.Abandon();
            throw;
        }
    }
}
