using Microsoft.Extensions.Hosting;

namespace FunnelSim.Cluster;

/// <summary>A started worker silo: its host, the role it took, and (for the <c>localhost</c> primary) its claim.</summary>
public sealed class RunningWorker(IHost host, WorkerRole role, PrimaryClaim? claim) : IDisposable
{
    /// <summary>The silo's host.</summary>
    public IHost Host { get; } = host;

    /// <summary>How the worker joined its cluster.</summary>
    public WorkerRole Role { get; } = role;

    /// <summary>Leaves the cluster (at most <paramref name="timeout"/>; the others notice a worker that just disappears, too).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var stopping = new CancellationTokenSource(timeout);
        try
        {
            await Host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Took too long to leave: the others will declare it dead.
        }
    }

    /// <summary>Disposes the host, then releases the primary claim.</summary>
    public void Dispose()
    {
        Host.Dispose();
        claim?.Dispose();
    }
}
