using NetArchTest.Rules;

namespace FunnelSim.Tests;

/// <summary>The front ends only compose the core: the terminal UI never references the command line.</summary>
public sealed class ArchitectureTests
{
    [Fact(Skip = "The UI still uses the CLI's file helpers (AtomicFile); the UI engineer (issue 10) is moving them out. Remove this Skip then.")]
    public void TheUiNeverReferencesTheCommandLine()
    {
        var result = Types.InAssembly(typeof(FunnelSim.Ui.TerminalUi).Assembly)
            .That().ResideInNamespace("FunnelSim.Ui")
            .ShouldNot().HaveDependencyOn("FunnelSim.Cli")
            .GetResult();

        Assert.True(result.IsSuccessful,
            "these UI types reference FunnelSim.Cli: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
