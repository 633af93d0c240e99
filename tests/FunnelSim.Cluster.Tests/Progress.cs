namespace FunnelSim.Cluster.Tests;

/// <summary>Progress reported synchronously (System.Progress would post to the thread pool, after the run may have ended).</summary>
internal sealed class Progress(Action<ClusterProgress> report) : IProgress<ClusterProgress>
{
    public void Report(ClusterProgress value) => report(value);
}
