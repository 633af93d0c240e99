namespace FunnelSim.Cluster.Tests;

/// <summary>Cluster files: read with clear messages; a worker's role follows the ports it finds.</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void SettingsAreCheckedWithClearMessages()
    {
        Assert.Null(new ClusterSettings().Problem());
        Assert.Contains("needs \"redis\"", new ClusterSettings { Clustering = "redis" }.Problem(), StringComparison.Ordinal);
        Assert.Contains("\"localhost\" or \"redis\"", new ClusterSettings { Clustering = "zookeeper" }.Problem(), StringComparison.Ordinal);
        Assert.Contains("siloPort", new ClusterSettings { SiloPort = 70000 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("attempts", new ClusterSettings { Attempts = 0 }.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACompleteRedisFileIsRead()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {
                  "clustering": "redis",
                  "redis": "redis.example.com:6379,password=secret,ssl=true",
                  "clusterId": "funnelsim-prod",
                  "serviceId": "funnelsim",
                  "siloPort": 11111,
                  "gatewayPort": 30000,
                  "advertisedAddress": "10.0.0.12",
                  "shardTimeoutSeconds": 120,
                  "attempts": 5,
                  "answerTimeoutSeconds": 30,
                  "fastFailureDetection": true
                }
                """);

            var settings = ClusterSettings.ReadFile(path, out string error);

            Assert.Equal("", error);
            Assert.Equal("redis", settings!.Clustering);
            Assert.Equal(11111, settings.SiloPort);
            Assert.Equal("10.0.0.12", settings.AdvertisedAddress);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUnknownPropertyIsRefusedNamingTheFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "clustering": "localhost", "gatewayPorts": 30000 }""");

            Assert.Null(ClusterSettings.ReadFile(path, out string error));
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("gatewayPorts", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheFirstLocalWorkerTakesTheFilesPortsAndLaterOnesTakeFreePorts()
    {
        var settings = new ClusterSettings { SiloPort = ClusterHosting.FreePort(), GatewayPort = ClusterHosting.FreePort() };

        var first = WorkerRole.Choose(settings, out var claim);
        try
        {
            var later = WorkerRole.Choose(settings, out var none);

            Assert.Equal(new WorkerRole("primary", settings.SiloPort!.Value, settings.GatewayPort!.Value), first);
            Assert.Equal("secondary", later.Kind);
            Assert.NotEqual(settings.SiloPort, later.SiloPort);
            Assert.Null(none);
        }
        finally
        {
            claim!.Dispose();
        }
        // The primary gone, the next worker takes its place.
        Assert.Equal("primary", WorkerRole.Choose(settings, out var again).Kind);
        again!.Dispose();
    }
}
