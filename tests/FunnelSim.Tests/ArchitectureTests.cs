using NetArchTest.Rules;

namespace FunnelSim.Tests;

/// <summary>The front ends only compose the core: the terminal UI never references the command line or the cluster.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheUiNeverReferencesTheCommandLine()
    {
        var result = Types.InAssembly(typeof(FunnelSim.Ui.TerminalUi).Assembly)
            .That().ResideInNamespace("FunnelSim.Ui")
            .ShouldNot().HaveDependencyOn("FunnelSim.Cli")
            .GetResult();

        Assert.True(result.IsSuccessful,
            "these UI types reference FunnelSim.Cli: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheUiNeverReferencesTheCluster()
    {
        var result = Types.InAssembly(typeof(FunnelSim.Ui.TerminalUi).Assembly)
            .That().ResideInNamespace("FunnelSim.Ui")
            .ShouldNot().HaveDependencyOnAny("FunnelSim.Cluster", "Orleans")
            .GetResult();

        Assert.True(result.IsSuccessful,
            "these UI types reference the cluster: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
