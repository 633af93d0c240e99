namespace FunnelSim.Cluster;

/// <summary>How the work handed to a cluster is going (all runs of a coordinator so far).</summary>
/// <param name="ShardsDone">Shards whose partial has arrived.</param>
/// <param name="Shards">Shards handed out.</param>
/// <param name="IterationsDone">Iterations of the shards done.</param>
/// <param name="Iterations">Iterations handed out.</param>
/// <param name="IterationsPerSecond">Iterations done per second of wall-clock time so far.</param>
/// <param name="SilosAlive">Workers the cluster's membership counts as active.</param>
/// <param name="Retries">Shard attempts that failed or timed out and were retried.</param>
public sealed record ClusterProgress(int ShardsDone, int Shards, long IterationsDone, long Iterations, double IterationsPerSecond,
    int SilosAlive, int Retries);
