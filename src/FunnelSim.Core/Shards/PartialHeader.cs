using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;

namespace FunnelSim.Shards;

/// <summary>
/// What a partial says about itself, as read from a partial file (<see cref="PartialJson"/>) or its wire form
/// (<see cref="PartialBinary"/>), before it is checked: both forms are checked the same way by <see cref="Validate"/>.
/// </summary>
internal sealed record PartialHeader(string Command, string EngineVersion, string ScenarioSha256, ulong Seed, long Iterations,
    string Sampling, int ShardIndex, int ShardCount, int Threads, double ElapsedSeconds)
{
    /// <summary>
    /// The partial, or why it is not one: the shard must be one of its run, its recorded iteration range the shard's,
    /// the scenario valid and the one its SHA-256 names, and the state (read by <paramref name="readState"/>) as long as
    /// the shard.
    /// </summary>
    public PartialLoadResult Validate(string scenarioJson, long firstIteration, long endIteration, Func<RunState> readState)
    {
        if (!Shard.TryParse($"{ShardIndex}/{ShardCount}", out var shard, out string shardError))
            return PartialJson.Failure($"shard: {shardError}");
        if (firstIteration != shard!.First(Iterations) || endIteration != shard.End(Iterations))
            return PartialJson.Failure($"shard {shard}: its iteration range is not [⌊total·K/N⌋, ⌊total·(K+1)/N⌋) of {Iterations:D} iterations");

        var loaded = ScenarioReader.Read(scenarioJson);
        if (!loaded.IsValid || loaded.Scenario is not { } scenario)
            return PartialJson.Failure("scenario: " + string.Join("; ", loaded.Diagnostics.Where(d => d.Severity == Severity.Error)));
        if (ScenarioHash.OfCanonical(scenario) != ScenarioSha256)
            return PartialJson.Failure("scenarioSha256 does not match the scenario in the file (the file was changed after it was written)");
        if (scenario.Simulation.Seed != Seed || scenario.Simulation.Iterations != Iterations)
            return PartialJson.Failure("seed or iterations differ from the scenario's simulation settings in the file");

        var state = readState();
        if (state.Cells.Iterations != shard.Iterations(Iterations))
            return PartialJson.Failure($"state: {state.Cells.Iterations:D} iterations, but shard {shard} has {shard.Iterations(Iterations):D}");
        return new PartialLoadResult(new PartialResult(Command, scenario, ScenarioSha256, Sampling, EngineVersion, shard, Threads,
            ElapsedSeconds, state), null);
    }
}
