using System.Runtime.InteropServices;
using FunnelSim.Cli;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>Issue 12: bounded inputs, cancellation in every phase, batches and sweeps that survive a failing item.</summary>
public partial class ReliabilityTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [Fact]
    public void Validate_refuses_a_device_of_unknown_length_instead_of_reading_it_forever()
    {
        if (!File.Exists("/dev/zero")) return;

        var outcome = Run("validate", "/dev/zero");

        Assert.Equal(ExitCodes.InvalidInput, outcome.ExitCode);
        Assert.Contains("more than 16 MiB", outcome.Out);
    }

    [Fact]
    public async Task Cancelling_stops_a_command_stuck_where_no_token_reaches()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempFolder();
        string fifo = temp.File("never-written.json");
        Assert.Equal(0, mkfifo(fifo, Convert.ToUInt32("600", 8)));
        using var cancellation = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();

        // Opening a FIFO nobody writes to blocks in the kernel, beyond any cancellation token.
        var run = FunnelSimCli.RunAsync(["validate", fifo], new CliContext(output, error, ErrorIsTerminal: false), cancellation.Token);
        await Task.Delay(200);
        await cancellation.CancelAsync();

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.Equal(ExitCodes.Cancelled, await run);
        Assert.Contains("cancelled", error.ToString());
        // Unblock the abandoned open so the test's thread pool thread ends.
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public void The_UI_refuses_a_scenario_or_recent_list_of_unknown_length()
    {
        if (!File.Exists("/dev/zero")) return;
        using var temp = new TempFolder();
        string store = temp.File("recent.json");
        File.CreateSymbolicLink(store, "/dev/zero");

        Assert.Empty(new global::FunnelSim.Ui.Files.RecentFiles(store).Load());
        var (document, problems) = global::FunnelSim.Ui.Files.ScenarioFiles.Open("/dev/zero");
        Assert.Null(document);
        Assert.Contains("more than 16 MiB", Assert.Single(problems).Message);
    }
}
