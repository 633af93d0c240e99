using System.Diagnostics;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

/// <summary>The real program as a process: exit codes, and standard output carrying only results.</summary>
public class ProcessTests
{
    private static (int ExitCode, string Out, string Error) Funnelsim(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "funnelsim.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "funnelsim did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void RunPrintsJsonOnStandardOutputAndNoProgressWhenRedirected()
    {
        var (code, output, error) = Funnelsim("run", "--iterations", "1000", "--threads", "2");
        Assert.Equal(0, code);
        using var _ = System.Text.Json.JsonDocument.Parse(output);
        Assert.DoesNotContain("iterations/s", error);
        Assert.DoesNotContain("\r", error);
    }

    [Fact]
    public void ExitCodesAreZeroOneAndTwo()
    {
        using var temp = new TempFolder();
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, "{}");
        Assert.Equal(0, Funnelsim("validate", Scenario("us-national-base.json")).ExitCode);
        var invalid = Funnelsim("validate", bad);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("missing required property 'indications'", invalid.Out);
        Assert.Equal(2, Funnelsim("run", "--iterations", "-5").ExitCode);
        Assert.Equal(2, Funnelsim("frobnicate").ExitCode);
    }

    [Fact]
    public void NoStackTraceForAnyBadInput()
    {
        using var temp = new TempFolder();
        string garbage = temp.File("garbage.json");
        File.WriteAllBytes(garbage, [0xFF, 0xFE, 0x00, 0x7B, 0x22]);
        var (code, output, error) = Funnelsim("run", garbage);
        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", output + error);
        Assert.Contains("UTF-8", error);
    }

    [Fact]
    public void StandardOutputOnAFullDeviceIsAnErrorNotACrash()
    {
        if (!File.Exists("/dev/full") || !File.Exists("/bin/sh")) return;
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" run --iterations 200 --format json > /dev/full");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "funnelsim.dll"));
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("funnelsim: cannot write standard output:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task SigtermExits143AndLeavesNoFile()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/kill") && !File.Exists("/usr/bin/kill")) return;
        using var temp = new TempFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "funnelsim.dll"), "run", "--iterations", "100,000,000",
                     "--threads", "1", "--out", temp.File("results.json") })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        // Whether the signal comes before the handler is installed (the default action) or after (the handler), the
        // process ends with 143 and writes nothing; the in-process test below covers the handler itself.
        await Task.Delay(1500);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(60_000), "funnelsim did not stop on SIGTERM");
        Assert.Equal(143, process.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        Assert.DoesNotContain("   at ", await error);
    }

    [Theory]
    [InlineData(FunnelSim.Cli.ExitCodes.Terminated)]
    [InlineData(FunnelSim.Cli.ExitCodes.Cancelled)]
    public async Task ASignalCancelsTheRunWithItsExitCodeAndNoFile(int exitCode)
    {
        using var temp = new TempFolder();
        using var signals = FunnelSim.Cli.TerminationSignals.Manual();
        var error = new StringWriter();
        var context = new FunnelSim.Cli.CliContext(new StringWriter(), error, ErrorIsTerminal: false);
        var run = Task.Run(() => FunnelSim.Cli.FunnelSimCli.RunAsync(
            ["run", "--iterations", "100,000,000", "--out", temp.File("results.json")], context, signals));
        signals.Raise(exitCode);

        Assert.Equal(exitCode, await run.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("cancelled", error.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
