using System.Diagnostics;
using static FunnelSim.Tests.CliHarness;

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
}
