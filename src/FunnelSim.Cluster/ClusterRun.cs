using FunnelSim.Model;
using FunnelSim.Shards;

namespace FunnelSim.Cluster;

/// <summary>One run on a cluster (a <see cref="ClusterCoordinator"/> for a single run), and how runs are split into shards.</summary>
public static class ClusterRun
{
    /// <summary>
    /// Runs <paramref name="scenario"/> (its iterations and seed) on the cluster behind <paramref name="client"/> and merges
    /// the shards in shard order: the single-process run's result, bit for bit. Throws as <see cref="ClusterCoordinator.RunAsync"/>.
    /// </summary>
    public static async Task<MergeOutcome> RunAsync(IClusterClient client, Scenario scenario, string command, ClusterRunOptions options,
        IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var coordinator = await ClusterCoordinator.StartAsync(client, options, progress, cancellationToken).ConfigureAwait(false);
        return await coordinator.RunAsync(scenario, command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Shards for a run: about <see cref="ClusterRunOptions.IterationsPerShard"/> iterations each and at least
    /// <see cref="ClusterRunOptions.ShardsPerWorker"/> per live worker, never more than the iterations.
    /// </summary>
    public static int ShardCount(long iterations, int silos, ClusterRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        long byLength = (iterations + options.IterationsPerShard - 1) / options.IterationsPerShard;
        long shards = Math.Max(byLength, (long)silos * options.ShardsPerWorker);
        return (int)Math.Clamp(shards, 1, Math.Max(1, Math.Min(iterations, Shard.MaxCount)));
    }
}
