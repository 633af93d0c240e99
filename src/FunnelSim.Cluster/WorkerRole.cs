using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace FunnelSim.Cluster;

/// <summary>
/// How one worker joins its cluster, chosen when it starts: the <c>localhost</c> primary (it binds the cluster file's
/// ports and holds the membership), a <c>localhost</c> secondary (free ports, joins the primary), or a <c>redis</c> member.
/// </summary>
/// <param name="Kind"><c>primary</c>, <c>secondary</c> or <c>redis</c>.</param>
/// <param name="SiloPort">Silo-to-silo port.</param>
/// <param name="GatewayPort">Port coordinators connect to.</param>
public sealed record WorkerRole(string Kind, int SiloPort, int GatewayPort)
{
    /// <summary>
    /// The role a worker started now takes. <c>localhost</c>: primary when it can take the <see cref="PrimaryClaim"/> for the
    /// file's silo port (<paramref name="claim"/>, to hold while the silo runs), else a secondary on free ports.
    /// </summary>
    public static WorkerRole Choose(ClusterSettings settings, out PrimaryClaim? claim)
    {
        ArgumentNullException.ThrowIfNull(settings);
        claim = null;
        if (settings.Clustering == ClusterSettings.RedisClustering)
            return new("redis", settings.SiloPort ?? ClusterHosting.FreePort(), settings.GatewayPort ?? ClusterHosting.FreePort());
        int siloPort = settings.SiloPort ?? ClusterSettings.DefaultSiloPort;
        int gatewayPort = settings.GatewayPort ?? ClusterSettings.DefaultGatewayPort;
        claim = PrimaryClaim.TryTake(siloPort);
        return claim is not null
            ? new("primary", siloPort, gatewayPort)
            : new("secondary", ClusterHosting.FreePort(), ClusterHosting.FreePort());
    }

    /// <summary>Sets the silo's clustering and endpoints for this role.</summary>
    public void Configure(ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        if (Kind == "redis")
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.UseRedisClustering(settings.Redis!);
            silo.ConfigureEndpoints(AdvertisedAddress(settings), SiloPort, GatewayPort, listenOnAnyHostAddress: true);
            return;
        }
        int primaryPort = settings.SiloPort ?? ClusterSettings.DefaultSiloPort;
        silo.UseLocalhostClustering(SiloPort, GatewayPort, Kind == "primary" ? null : new IPEndPoint(IPAddress.Loopback, primaryPort),
            settings.ServiceId, settings.ClusterId);
    }

    /// <summary>The role in words, e.g. <c>primary (silo port 11111, gateway port 30000)</c>.</summary>
    public override string ToString() => $"{Kind} (silo port {SiloPort}, gateway port {GatewayPort})";

    private static IPAddress AdvertisedAddress(ClusterSettings settings)
    {
        string name = settings.AdvertisedAddress ?? Dns.GetHostName();
        if (IPAddress.TryParse(name, out var address)) return address;
        return Dns.GetHostAddresses(name).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
