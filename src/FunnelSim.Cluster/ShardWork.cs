namespace FunnelSim.Cluster;

/// <summary>One shard of a run, as sent to a worker: everything it needs, nothing it could disagree on.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardWork
{
    /// <summary>The scenario as run, in canonical JSON (iterations and seed are the whole run's).</summary>
    [Id(0)] public required string ScenarioJson { get; init; }

    /// <summary>The command whose output a merge writes (<c>run</c> or <c>budget</c>).</summary>
    [Id(1)] public required string Command { get; init; }

    /// <summary>K.</summary>
    [Id(2)] public required int Index { get; init; }

    /// <summary>N.</summary>
    [Id(3)] public required int Count { get; init; }

    /// <summary>Threads on the worker (0: all its cores).</summary>
    [Id(4)] public int Threads { get; init; }
}
