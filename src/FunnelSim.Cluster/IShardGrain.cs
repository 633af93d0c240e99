namespace FunnelSim.Cluster;

/// <summary>
/// Runs one shard and answers with its partial file. Keyed by a string that is new for every attempt
/// (<c>run/K/attempt</c>), so a retry never waits on the activation of a dead silo.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="work"/>; cancelling <paramref name="cancellationToken"/> stops it on the worker.</summary>
    Task<ShardAnswer> Run(ShardWork work, CancellationToken cancellationToken);
}
