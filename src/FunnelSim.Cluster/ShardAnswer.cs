namespace FunnelSim.Cluster;

/// <summary>A worker's answer to one shard: its partial in binary form and which silo ran it.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardAnswer
{
    /// <summary>
    /// The shard's partial in the compact wire form (<c>FunnelSim.Shards.PartialBinary</c>): the content <c>--shard K/N</c>
    /// writes as JSON, under half its size and far cheaper to write and read.
    /// </summary>
    [Id(0)] public required byte[] Partial { get; init; }

    /// <summary>The silo that ran the shard (for progress and tests).</summary>
    [Id(1)] public required string Silo { get; init; }
}
