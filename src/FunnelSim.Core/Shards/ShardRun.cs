using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Export;
using FunnelSim.Summaries;

namespace FunnelSim.Shards;

/// <summary>Runs one shard of a run and keeps its mergeable state (a <see cref="PartialResult"/>).</summary>
public static class ShardRun
{
    /// <summary>
    /// Runs the global iterations <c>[⌊total·K/N⌋, ⌊total·(K+1)/N⌋)</c> of <paramref name="model"/>'s run, total and seed
    /// being its scenario's. Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    /// <param name="model">The model; its scenario is the scenario as run (iterations and seed included).</param>
    /// <param name="shard">Which shard.</param>
    /// <param name="command">The command running the shard (<c>run</c> or <c>budget</c>), recorded in the partial.</param>
    /// <param name="threads">Worker threads (never changes a result); 0 for all cores.</param>
    /// <param name="progress">Progress over the shard's own iterations.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="time">Clock for the elapsed time.</param>
    /// <exception cref="ArgumentException">The shard has no iterations (N larger than the run).</exception>
    public static PartialResult Run(CompiledModel model, Shard shard, string command, int threads = 0,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentException.ThrowIfNullOrEmpty(command);
        var scenario = model.Scenario;
        long total = scenario.Simulation.Iterations;
        ulong seed = scenario.Simulation.Seed;
        long first = shard.First(total), count = shard.Iterations(total);
        if (count < 1) throw new ArgumentException($"shard {shard} of {total} iterations has no iterations", nameof(shard));
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        // Each runner draws iteration k from (seed, k) and lays Latin hypercube strata over the whole run's `total`.
        var runners = BlockScheduler.Run(count, threads > 0 ? threads : Environment.ProcessorCount,
            () => new IterationRunner(model, seed, null, total), (runner, offset, n) => runner.Run(first + offset, n),
            progress, cancellationToken);
        for (int w = 1; w < runners.Length; w++) runners[0].Merge(runners[w]);
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        return new PartialResult(command, scenario, ScenarioHash.OfCanonical(scenario), FormatNames.Of(scenario.Simulation.Sampling),
            Simulator.EngineVersion, shard, runners.Length, elapsed, RunState.Of(runners[0]));
    }
}
