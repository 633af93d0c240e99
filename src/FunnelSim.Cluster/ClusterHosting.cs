using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace FunnelSim.Cluster;

/// <summary>Starts worker silos and connects coordinator clients, from <see cref="ClusterSettings"/>.</summary>
public static class ClusterHosting
{
    /// <summary>Longest a worker keeps trying to start (ports taken by a worker starting at the same moment, a primary still starting).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts a worker silo. With <c>localhost</c> clustering several workers may start at the same moment from one cluster
    /// file: the one that takes the <see cref="PrimaryClaim"/> binds the file's ports and holds the membership, the others
    /// take free ports and join it. A worker that cannot start (the primary still starting or just gone, a port taken) waits
    /// a random moment and tries again, for up to <see cref="StartTimeout"/>; <paramref name="log"/> hears about each retry.
    /// </summary>
    public static async Task<RunningWorker> StartWorkerAsync(ClusterSettings settings, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var deadline = DateTime.UtcNow + StartTimeout;
        for (int attempt = 1; ; attempt++)
        {
            var role = WorkerRole.Choose(settings, out var claim);
            var host = BuildWorker(settings, role);
            using var startLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startLimit.CancelAfter(TimeSpan.FromSeconds(45));
            try
            {
                await host.StartAsync(startLimit.Token).ConfigureAwait(false);
                return new RunningWorker(host, role, claim);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                await DisposeQuietly(host).ConfigureAwait(false);
                claim?.Dispose();
                if (DateTime.UtcNow >= deadline) throw;
                log?.Invoke($"start attempt {attempt} as {role} failed ({First(e)}); trying again");
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(500, 2000)), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await DisposeQuietly(host).ConfigureAwait(false);
                claim?.Dispose();
                throw;
            }
        }
    }

    /// <summary>A host running one worker silo in <paramref name="role"/>; its warnings go to standard error, never to standard output.</summary>
    public static IHost BuildWorker(ClusterSettings settings, WorkerRole role)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(role);
        return new HostBuilder()
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                logging.SetMinimumLevel(LogLevel.Warning);
                // Connection errors to a worker that was killed are expected and handled by retries: not worth a page of stack traces.
                logging.AddFilter("Orleans.Runtime.Messaging", LogLevel.Error);
                logging.AddFilter("Orleans.Networking", LogLevel.Error);
                // At start-up the silo notes that server GC is off (a worker runs one engine thread per core and needs none)
                // and the watchdog reports the time since the machine started as a stall: noise a user cannot act on.
                logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
                logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            })
            .UseOrleans(silo =>
            {
                role.Configure(silo, settings);
                ConfigureWorker(silo, settings);
            })
            .Build();
    }

    /// <summary>
    /// What every FunnelSim worker silo has, whatever its clustering (also used by the tests' in-process cluster): the
    /// shard grain's model cache, the calibration grain's problems and, by default, failure detection in seconds.
    /// </summary>
    public static void ConfigureWorker(ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.FastFailureDetection)
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(3);
                o.NumMissedProbesLimit = 3;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });
        }
        silo.Services.AddSingleton<ModelCache>();
        silo.Services.AddSingleton<CoreGate>();
        silo.Services.AddSingleton<CalibrationProblems>();
    }

    /// <summary>
    /// Connects a coordinator to the cluster. Throws <see cref="ClusterUnavailableException"/> when no worker answers
    /// within <see cref="ClusterSettings.AnswerTimeoutSeconds"/>.
    /// </summary>
    public static async Task<IHost> ConnectAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(settings.AnswerTimeoutSeconds);
        Exception? last = null;
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client =>
            {
                if (settings.Clustering == ClusterSettings.Localhost)
                {
                    client.UseLocalhostClustering(settings.GatewayPort ?? ClusterSettings.DefaultGatewayPort, settings.ServiceId, settings.ClusterId);
                }
                else
                {
                    client.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = settings.ClusterId;
                        o.ServiceId = settings.ServiceId;
                    });
                    client.UseRedisClustering(settings.Redis!);
                }
                // The coordinator times each attempt itself (ShardTimeoutSeconds); Orleans' own limit only backs that up.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(settings.ShardTimeoutSeconds + 30));
                client.UseConnectionRetryFilter(async (exception, token) =>
                {
                    last = exception;
                    if (DateTime.UtcNow >= deadline) return false;
                    await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
                    return true;
                });
            })
            .Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(settings.AnswerTimeoutSeconds + 5));
        try
        {
            await host.StartAsync(limit.Token).ConfigureAwait(false);
            return host;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            await DisposeQuietly(host).ConfigureAwait(false);
            throw new ClusterUnavailableException(
                $"no FunnelSim worker answered within {settings.AnswerTimeoutSeconds:0.#} s ({Describe(settings)}): " +
                $"{First(last ?? e).TrimEnd('.')}. Start workers with 'funnelsim worker --cluster FILE'.", e);
        }
        catch
        {
            await DisposeQuietly(host).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Where the cluster is, in words.</summary>
    public static string Describe(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Clustering == ClusterSettings.Localhost
            ? $"localhost clustering, gateway port {settings.GatewayPort ?? ClusterSettings.DefaultGatewayPort}"
            : $"redis clustering at {settings.Redis!.Split(',')[0]}";
    }

    /// <summary>The first line of an exception's message (Orleans' messages can run to many lines).</summary>
    internal static string First(Exception e)
    {
        string message = e.Message;
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>A TCP port free on this machine at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task DisposeQuietly(IHost host)
    {
        try
        {
            if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else host.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A host that failed to start may fail to dispose too; the next attempt starts a new one.
        }
    }
}
