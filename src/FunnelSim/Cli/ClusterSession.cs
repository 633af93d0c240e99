using FunnelSim.Calibration;
using FunnelSim.Cluster;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FunnelSim.Cli;

/// <summary>
/// A command's connection to a cluster (<c>--cluster FILE</c>): connect once, hand runs to the workers (one for
/// <c>run</c>/<c>budget</c>, many at once for <c>batch</c>), progress on standard error, disconnect.
/// </summary>
internal sealed class ClusterSession : IDisposable
{
    private readonly IHost _host;
    private readonly ClusterCoordinator _coordinator;
    private readonly ClusterProgressWriter _progress;
    private readonly CancellationToken _cancellationToken;

    private ClusterSession(IHost host, ClusterCoordinator coordinator, ClusterProgressWriter progress,
        CancellationToken cancellationToken)
    {
        _host = host;
        _coordinator = coordinator;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Connects, or writes why not (exit 1) and returns null. Throws <see cref="OperationCanceledException"/> on Ctrl+C.</summary>
    public static ClusterSession? Open(CliContext context, string command, string clusterFile, int threads, CancellationToken cancellationToken,
        bool shardProgress = true)
    {
        var settings = ClusterSettings.ReadFile(clusterFile, out string error);
        if (settings is null)
        {
            context.Error.WriteLine($"funnelsim {command}: {error}");
            return null;
        }
        IHost? host = null;
        try
        {
            host = ClusterHosting.ConnectAsync(settings, cancellationToken).GetAwaiter().GetResult();
            var progress = new ClusterProgressWriter(context);
            var options = ClusterRunOptions.From(settings) with { ThreadsPerShard = threads };
            var coordinator = ClusterCoordinator.StartAsync(host.Services.GetRequiredService<IClusterClient>(), options,
                shardProgress ? progress : null, cancellationToken).GetAwaiter().GetResult();
            return new ClusterSession(host, coordinator, progress, cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            Stop(host);
            context.Error.WriteLine($"funnelsim {command}: --cluster {Shown.Text(clusterFile)}: {e.Message}");
            return null;
        }
        catch
        {
            Stop(host);
            throw;
        }
    }

    /// <summary>
    /// One run on the cluster for <paramref name="command"/>; null after its error was written (exit 1). Throws
    /// <see cref="OperationCanceledException"/> on Ctrl+C.
    /// </summary>
    public static SimulationResult? RunOnce(CliContext context, string command, string clusterFile, Scenario scenario, int threads,
        CancellationToken cancellationToken)
    {
        using var session = Open(context, command, clusterFile, threads, cancellationToken);
        if (session is null) return null;
        try
        {
            return session.Start(scenario, command).GetAwaiter().GetResult();
        }
        catch (ClusterUnavailableException e)
        {
            session._progress.Finish();
            context.Error.WriteLine($"funnelsim {command}: --cluster {Shown.Text(clusterFile)}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// A calibration whose per-particle work runs on the cluster (<see cref="ClusterCalibration"/>), with its progress on
    /// standard error; null after its error was written (exit 1). Throws <see cref="OperationCanceledException"/> on Ctrl+C
    /// and <see cref="CalibrationException"/> as the local calibration does.
    /// </summary>
    public static CalibrationResult? Calibrate(CliContext context, string clusterFile, CompiledModel model,
        IReadOnlyList<Observation> observations, CalibrationOptions options, int threads, CancellationToken cancellationToken)
    {
        using var session = Open(context, "calibrate", clusterFile, threads, cancellationToken, shardProgress: false);
        if (session is null) return null;
        try
        {
            return ClusterCalibration.Run(session._coordinator, model, observations, options, session._progress, null, cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            session._progress.Finish();
            context.Error.WriteLine($"funnelsim calibrate: --cluster {Shown.Text(clusterFile)}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Starts a run; its shards queue behind those of runs started before. The task fails with
    /// <see cref="ClusterUnavailableException"/> or <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<SimulationResult> Start(Scenario scenario, string command)
    {
        var outcome = await _coordinator.RunAsync(scenario, command, _cancellationToken).ConfigureAwait(false);
        return outcome.Result ?? throw new InvalidOperationException("the shards did not merge: " + string.Join("; ", outcome.Errors));
    }

    public void Dispose()
    {
        _progress.Finish();
        _coordinator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Stop(_host);
    }

    private static void Stop(IHost? host)
    {
        if (host is null) return;
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            host.StopAsync(stopping.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Leaving a cluster that is gone cannot fail the command: its results are in.
        }
        host.Dispose();
    }
}
