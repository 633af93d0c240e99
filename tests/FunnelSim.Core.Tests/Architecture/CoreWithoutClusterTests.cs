using System.Reflection;
using FunnelSim.Compilation;
using NetArchTest.Rules;

namespace FunnelSim.Core.Tests.Architecture;

/// <summary>
/// The core stays free of Orleans (docs/architecture.md): the cluster's wire types, grains and hosting live in
/// src/FunnelSim.Cluster, which uses the core, never the other way round.
/// </summary>
public sealed class CoreWithoutClusterTests
{
    private static readonly Assembly Core = typeof(ModelCompiler).Assembly;

    private static readonly string[] Cluster = ["Orleans", "Microsoft.Extensions.Hosting", "StackExchange.Redis", "FunnelSim.Cluster"];

    [Fact]
    public void NoTypeOfTheCoreUsesOrleansOrTheClusterProject()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(Cluster).GetResult();

        Assert.True(result.IsSuccessful, "these core types reach the cluster: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheCoreAssemblyReferencesNoClusterAssembly()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => Cluster.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
