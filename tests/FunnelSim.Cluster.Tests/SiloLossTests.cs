using FunnelSim.Export;

namespace FunnelSim.Cluster.Tests;

/// <summary>Losing workers costs time, never bits; losing all of them is a clear error, not a hang.</summary>
public sealed class SiloLossTests
{
    [Fact]
    public async Task ASiloKilledMidRunCostsTimeNotBits()
    {
        var cluster = await TestSilos.Deploy(3);
        try
        {
            var scenario = Runs.BaseCase(6_000, 77);
            var firstShardDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = ClusterRun.RunAsync(cluster.Client, scenario, "run", Runs.Options, new Progress(p =>
            {
                if (p.ShardsDone > 0) firstShardDone.TrySetResult();
            }));
            await Task.WhenAny(firstShardDone.Task, run);
            await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
            var outcome = await run;

            Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
            Assert.Equal(Runs.SingleProcess(scenario), Runs.WithoutTiming(ResultJson.Write(outcome.Result!)));
        }
        finally
        {
            await TestSilos.Dispose(cluster);
        }
    }

    [Fact]
    public async Task NoWorkerAnsweringMidRunIsAnError()
    {
        var cluster = await TestSilos.Deploy(1);
        try
        {
            var options = Runs.Options with { AnswerTimeout = TimeSpan.FromSeconds(3), ShardTimeout = TimeSpan.FromSeconds(3) };
            var firstShardDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = ClusterRun.RunAsync(cluster.Client, Runs.BaseCase(200_000, 3), "run", options, new Progress(p =>
            {
                if (p.ShardsDone > 0) firstShardDone.TrySetResult();
            }));
            await Task.WhenAny(firstShardDone.Task, run);
            await cluster.KillSiloAsync(cluster.Primary!);

            await Assert.ThrowsAsync<ClusterUnavailableException>(() => run);
        }
        finally
        {
            await TestSilos.Dispose(cluster);
        }
    }

    [Fact]
    public async Task NoWorkerAtAllIsAnErrorNamingTheTimeout()
    {
        var settings = new ClusterSettings { GatewayPort = ClusterHosting.FreePort(), AnswerTimeoutSeconds = 2 };

        var e = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ClusterHosting.ConnectAsync(settings, CancellationToken.None));

        Assert.Contains("no FunnelSim worker answered within 2 s", e.Message, StringComparison.Ordinal);
        Assert.Contains("funnelsim worker", e.Message, StringComparison.Ordinal);
    }
}
