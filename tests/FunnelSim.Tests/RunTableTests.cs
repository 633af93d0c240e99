using System.Diagnostics;
using System.Text.Json;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary><c>run</c> prints a table for a person on a terminal and JSON for a program everywhere else.</summary>
public class RunTableTests
{
    [Fact]
    public void OnATerminalRunPrintsTheFunnelTableFittedTo80Columns()
    {
        var outcome = RunOnTerminal(80, "run", "--iterations", "500");

        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("{", outcome.Out);
        string[] lines = outcome.Out.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        foreach (string row in new[] { "Incident", "Tested", "Fusion-positive", "Identified", "New starts", "On treatment", "Doses",
                     "Budget impact", "Total (all indications)", "2026", "2030", "Pancreatic" })
            Assert.Contains(row, outcome.Out);
        // Every year of a section sits on one line at 80 columns (no blocks needed for five years).
        Assert.Contains(lines, l => l.Contains("2026") && l.Contains("2030"));
    }

    [Fact]
    public void EachRowIsTheMeanAndBelowItThe90PercentInterval()
    {
        var outcome = RunOnTerminal(120, "run", "--iterations", "500");
        string[] lines = outcome.Out.Split('\n');
        int starts = Array.FindIndex(lines, l => l.StartsWith("  New starts", StringComparison.Ordinal));

        Assert.True(starts > 0, outcome.Out);
        Assert.Contains("–", lines[starts + 1]);
        Assert.Equal("", lines[starts + 1][..20].Trim());
    }

    [Fact]
    public void ANarrowTerminalGetsTheYearsInBlocks()
    {
        var outcome = RunOnTerminal(50, "run", "--iterations", "300");

        Assert.Equal(0, outcome.ExitCode);
        Assert.All(outcome.Out.Split('\n'), line => Assert.True(line.Length <= 50, $"{line.Length} columns: {line}"));
        Assert.Contains("2030", outcome.Out);
    }

    [Fact]
    public void APlanScenarioShowsPmpm()
    {
        var outcome = RunOnTerminal(80, "run", Scenario("payer-commercial-1m.json"), "--iterations", "500");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("  PMPM", outcome.Out);
        Assert.Contains("$", outcome.Out);
    }

    [Fact]
    public void JsonWhenForcedOrWhenNotATerminalOrWithOut()
    {
        var forced = RunOnTerminal(80, "run", "--iterations", "300", "--format", "json");
        using (JsonDocument.Parse(forced.Out)) { }

        var piped = Run("run", "--iterations", "300");
        using (JsonDocument.Parse(piped.Out)) { }

        using var temp = new TempFolder();
        var file = RunOnTerminal(80, "run", "--iterations", "300", "--out", temp.File("r.json"));
        Assert.Equal("", file.Out);
        using (JsonDocument.Parse(File.ReadAllText(temp.File("r.json")))) { }

        var table = Run("run", "--iterations", "300", "--format", "table");
        Assert.Contains("New starts", table.Out);
    }

    /// <summary>The real program on a pseudo-terminal (util-linux <c>script</c>) prints the table; on a pipe, JSON.</summary>
    [Fact]
    public async Task ThePseudoTerminalGetsATableAndThePipeJson()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script")) return;
        string dll = Path.Combine(AppContext.BaseDirectory, "funnelsim.dll");
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-qec", $"stty cols 80 2>/dev/null; dotnet '{dll}' run --iterations 300", "/dev/null" })
            start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "dumb";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.True(process.ExitCode == 0, output + await error);
        Assert.Contains("New starts", output);
        Assert.DoesNotContain("\"scenario\"", output);

        var pipe = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { dll, "run", "--iterations", "300" }) pipe.ArgumentList.Add(arg);
        using var piped = Process.Start(pipe)!;
        _ = piped.StandardError.ReadToEndAsync();
        string json = piped.StandardOutput.ReadToEnd();
        Assert.True(piped.WaitForExit(120_000));
        using (JsonDocument.Parse(json)) { }
    }
}
