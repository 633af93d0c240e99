namespace FunnelSim.Cluster;

/// <summary>How a coordinator hands out shards.</summary>
/// <param name="ShardTimeout">Longest one attempt at a shard may take before it is retried on another silo.</param>
/// <param name="Attempts">Tries per shard before the run fails.</param>
/// <param name="FirstBackoff">Wait before the first retry; doubled for each later one, up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">Longest wait between tries.</param>
public sealed record ClusterRunOptions(TimeSpan ShardTimeout, int Attempts, TimeSpan FirstBackoff, TimeSpan MaxBackoff)
{
    /// <summary>Options from a cluster file.</summary>
    public static ClusterRunOptions From(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(TimeSpan.FromSeconds(settings.ShardTimeoutSeconds), settings.Attempts, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10))
        {
            AnswerTimeout = TimeSpan.FromSeconds(settings.AnswerTimeoutSeconds),
        };
    }

    /// <summary>Longest the cluster may go without any worker answering (a shard, or the membership query) before the run fails.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Iterations per shard aimed at: seconds of one core (the base case with costs: about 15 s), well inside any call
    /// timeout, and enough work that what every shard pays once — its accumulators growing from empty, the partial it
    /// answers with (exact histograms of the base case: 5 MB for 20,000 iterations, 7 MB for 100,000), the merge — costs
    /// little beside it (about 1% of a shard this long; docs/performance.md).
    /// </summary>
    public long IterationsPerShard { get; init; } = 500_000;

    /// <summary>At least this many shards per live worker, so the work evens out and a lost worker costs little.</summary>
    public int ShardsPerWorker { get; init; } = 4;

    /// <summary>Shards in flight per live worker.</summary>
    public int InFlightPerWorker { get; init; } = 2;

    /// <summary>Threads each shard runs on at its worker (0: all the worker's cores).</summary>
    public int ThreadsPerShard { get; init; }
}
