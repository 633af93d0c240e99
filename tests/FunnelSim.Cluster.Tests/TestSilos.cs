using Orleans.Configuration;
using Orleans.TestingHost;

namespace FunnelSim.Cluster.Tests;

/// <summary>In-process Orleans test clusters whose silos are FunnelSim workers (no Redis, no other process: runs on CI).</summary>
internal static class TestSilos
{
    public static async Task<TestCluster> Deploy(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<Worker>();
        builder.AddClientBuilderConfigurator<Client>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task Dispose(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private sealed class Worker : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => ClusterHosting.ConfigureWorker(siloBuilder, new ClusterSettings());
    }

    private sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
    }
}
