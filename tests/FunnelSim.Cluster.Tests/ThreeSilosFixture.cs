using Orleans.TestingHost;

namespace FunnelSim.Cluster.Tests;

/// <summary>One three-silo cluster shared by the tests that leave it as it was.</summary>
public sealed class ThreeSilosFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestSilos.Deploy(3);

    public Task DisposeAsync() => TestSilos.Dispose(Cluster);
}
