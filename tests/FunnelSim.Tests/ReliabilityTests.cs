using System.Runtime.InteropServices;
using FunnelSim.Cli;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>Issue 12: bounded inputs, cancellation in every phase, batches and sweeps that survive a failing item.</summary>
public partial class ReliabilityTests
{
    [Fact]
    public void Validate_refuses_a_device_of_unknown_length_instead_of_reading_it_forever()
    {
        if (!File.Exists("/dev/zero")) return;

        var outcome = Run("validate", "/dev/zero");

        Assert.Equal(ExitCodes.InvalidInput, outcome.ExitCode);
        Assert.Contains("more than 16 MiB", outcome.Out);
    }

    [Fact]
    public void The_UI_refuses_a_scenario_or_recent_list_of_unknown_length()
    {
        if (!File.Exists("/dev/zero")) return;
        using var temp = new TempFolder();
        string store = temp.File("recent.json");
        File.CreateSymbolicLink(store, "/dev/zero");

        Assert.Empty(new global::FunnelSim.Files.RecentFiles(store).Load());
        var (document, problems) = global::FunnelSim.Ui.Files.ScenarioFiles.Open("/dev/zero");
        Assert.Null(document);
        Assert.Contains("more than 16 MiB", Assert.Single(problems).Message);
    }
}
