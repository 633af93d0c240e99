using FunnelSim.Export;
using FunnelSim.Model;

namespace FunnelSim.Cluster.Tests;

/// <summary>Three silos run the shards; each merged result equals the single-process run bit for bit.</summary>
public sealed class ThreeSiloTests(ThreeSilosFixture fixture) : IClassFixture<ThreeSilosFixture>
{
    [Fact]
    public async Task ARunOnThreeSilosEqualsTheSingleProcessRun()
    {
        var scenario = Runs.BaseCase(6_000, 77);

        var outcome = await ClusterRun.RunAsync(fixture.Cluster.Client, scenario, "run", Runs.Options);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(Runs.SingleProcess(scenario), Runs.WithoutTiming(ResultJson.Write(outcome.Result!)));
    }

    [Fact]
    public async Task RunsInProgressTogetherEachEqualTheirOwnSingleProcessRun()
    {
        // A batch or a sweep: several runs share the cluster's slots, here Monte Carlo and Latin hypercube, run and budget.
        var first = Runs.BaseCase(2_000, 11);
        var second = Runs.BaseCase(3_001, 12, SamplingMethod.LatinHypercube);
        var seen = new List<ClusterProgress>();
        var progress = new Progress(p =>
        {
            lock (seen) seen.Add(p);
        });
        await using var coordinator = await ClusterCoordinator.StartAsync(fixture.Cluster.Client, Runs.Options, progress);

        var runs = await Task.WhenAll(coordinator.RunAsync(first, "run"), coordinator.RunAsync(second, "budget"));

        Assert.Equal(Runs.SingleProcess(first), Runs.WithoutTiming(ResultJson.Write(runs[0].Result!)));
        Assert.Equal(Runs.SingleProcess(second), Runs.WithoutTiming(ResultJson.Write(runs[1].Result!)));
        var last = seen.Last(p => p.ShardsDone == p.Shards);
        Assert.Equal(5_001, last.Iterations);
        Assert.Equal(last.Iterations, last.IterationsDone);
        Assert.Equal(3, last.SilosAlive);
    }

    [Fact]
    public async Task CancellingStopsTheRun()
    {
        var scenario = Runs.BaseCase(200_000, 5);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.ShardsDone > 0) cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ClusterRun.RunAsync(fixture.Cluster.Client, scenario, "run", Runs.Options, progress, cancel.Token));
    }

    [Fact]
    public void ShardsAreManyMoreThanSilosAndNeverMoreThanIterations()
    {
        Assert.Equal(24, ClusterRun.ShardCount(6_000, 3, Runs.Options));
        Assert.Equal(12, ClusterRun.ShardCount(100, 3, Runs.Options with { IterationsPerShard = 1_000_000 }));
        Assert.Equal(5, ClusterRun.ShardCount(5, 3, Runs.Options));
        Assert.Equal(20, ClusterRun.ShardCount(10_000_000, 2, new ClusterRunOptions(TimeSpan.FromSeconds(1), 1, TimeSpan.Zero, TimeSpan.Zero)));
    }
}
