using FunnelSim.Cluster;

namespace FunnelSim.Tests;

/// <summary>
/// One FunnelSim worker silo in this process (localhost clustering on free ports) and the cluster file that reaches it:
/// what <c>funnelsim worker --cluster FILE</c> starts, without another process (so it runs on CI).
/// </summary>
public sealed class ClusterWorkerFixture : IAsyncLifetime
{
    private RunningWorker? _worker;

    private readonly CliHarness.TempFolder _folder = new();

    /// <summary>The cluster file (short timeouts: a test must never wait long).</summary>
    public string ClusterFile => _folder.File("cluster.json");

    public async Task InitializeAsync()
    {
        int siloPort = ClusterHosting.FreePort(), gatewayPort = ClusterHosting.FreePort();
        File.WriteAllText(ClusterFile, $$"""
            { "clustering": "localhost", "siloPort": {{siloPort}}, "gatewayPort": {{gatewayPort}},
              "shardTimeoutSeconds": 60, "answerTimeoutSeconds": 30 }
            """);
        var settings = ClusterSettings.ReadFile(ClusterFile, out string error) ?? throw new InvalidOperationException(error);
        _worker = await ClusterHosting.StartWorkerAsync(settings, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(TimeSpan.FromSeconds(10));
            _worker.Dispose();
        }
        _folder.Dispose();
    }
}
