using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class HelpTests
{
    [Fact]
    public void TheCommandListShowsOneShortLinePerCommand()
    {
        var outcome = Run("--help");

        Assert.Equal(0, outcome.ExitCode);
        string commands = outcome.Out[outcome.Out.IndexOf("Commands:", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Exit codes", commands);
        Assert.Contains("compare <A> <B>", commands);
        Assert.All(commands.Split('\n').Skip(1).Where(l => l.Trim().Length > 0), line => Assert.StartsWith("  ", line));
    }

    [Fact]
    public void ACommandsOwnHelpEndsWithItsDetails()
    {
        var outcome = Run("run", "--help");

        Assert.Equal(0, outcome.ExitCode);
        int options = outcome.Out.IndexOf("Options:", StringComparison.Ordinal);
        int details = outcome.Out.IndexOf("Details:", StringComparison.Ordinal);
        Assert.True(options > 0 && details > options, outcome.Out);
        Assert.Contains("Exit codes: 0 success", outcome.Out[details..]);
    }
}
