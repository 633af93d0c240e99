using FunnelSim.Ui;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests.Ui;

/// <summary>Without an interactive terminal the UI never starts (it would hang): a one-line hint and exit 2.</summary>
public class UiCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("ui")]
    [InlineData("ui", "scenario.json")]
    public void WithoutATerminalTheUiExplainsItselfAndExitsTwo(params string[] args)
    {
        var outcome = Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(TerminalUi.NotInteractive + Environment.NewLine, outcome.Error);
        Assert.Contains("funnelsim run", outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void TheUiCommandHasHelp()
    {
        var outcome = Run("ui", "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("terminal UI", outcome.Out);
    }
}
