namespace FunnelSim.Cluster;

/// <summary>A worker's answer to one shard: its partial file's text and which silo ran it.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardAnswer
{
    /// <summary>The shard's partial file (<c>FunnelSim.Shards.PartialJson</c>), the same text <c>--shard K/N</c> writes.</summary>
    [Id(0)] public required string PartialJson { get; init; }

    /// <summary>The silo that ran the shard (for progress and tests).</summary>
    [Id(1)] public required string Silo { get; init; }
}
