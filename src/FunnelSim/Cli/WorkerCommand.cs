using System.CommandLine;
using FunnelSim.Cluster;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim worker [--cluster FILE]</c>: host an Orleans silo that runs shards for <c>--cluster</c> runs.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Cluster file (JSON): 'localhost' clustering (workers on this machine; the default without a file) or " +
                          "'redis' with a connection string, and the ports (free ones unless given). One file serves every " +
                          "worker on a machine. See docs/scale-out.md.",
            HelpName = "FILE",
        };
        var command = new Command("worker", "Run a FunnelSim worker: an Orleans silo that runs the shards of 'funnelsim run|budget|batch " +
            "--cluster FILE' and the particles of 'funnelsim calibrate --cluster FILE' until stopped (Ctrl+C or SIGTERM). Start as many as you like, on this machine or (with Redis) any " +
            "other; each shard uses all the worker's cores unless the coordinating command asks for fewer threads. The silo runs in a " +
            "child process started with the JIT's tiering delay off (DOTNET_TC_CallCountingDelayMs=0, for speed); Ctrl+C and " +
            "SIGTERM to this process stop it, and it ends with this process.\n\n" +
            "Exit codes: 0 stopped, 1 unreadable cluster file or the worker could not join its cluster.")
        {
            cluster,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(context, parse.GetValue(cluster), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliContext context, string? clusterFile, CancellationToken signalled)
    {
        // Started by WorkerProcess (the usual way), the parent's stop request stops this worker as a signal would.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signalled);
        using var lifeline = WorkerProcess.WatchLifeline(stop);
        var cancellationToken = stop.Token;
        var settings = ClusterSettings.Default;
        if (clusterFile is not null)
        {
            settings = ClusterSettings.ReadFile(clusterFile, out string error);
            if (settings is null)
            {
                context.Error.WriteLine($"funnelsim worker: {error}");
                return ExitCodes.InvalidInput;
            }
        }
        RunningWorker worker;
        try
        {
            worker = await ClusterHosting.StartWorkerAsync(settings, message => context.Error.WriteLine($"funnelsim worker: {message}"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            context.Error.WriteLine($"funnelsim worker: could not join the cluster ({ClusterHosting.Describe(settings)}) within " +
                                    $"{ClusterHosting.StartTimeout.TotalSeconds:0} s: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        using (worker)
        {
            context.Error.WriteLine($"funnelsim worker: ready ({ClusterHosting.Describe(settings)}; this worker: {worker.Role}, " +
                                    $"{Environment.ProcessorCount} cores); Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: leave the cluster cleanly.
            }
            await worker.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        context.Error.WriteLine("funnelsim worker: stopped.");
        return ExitCodes.Success;
    }
}
