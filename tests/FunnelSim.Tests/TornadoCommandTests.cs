using System.Text.Json;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class TornadoCommandTests
{
    [Fact]
    public void TheTableListsBarsWidestFirstWithLabelPathEndsAndSwing()
    {
        var outcome = Run("tornado", Scenario("us-national-base.json"), "--metric", "treatedNew", "--indication", "pdac",
            "--year", "2028", "--iterations", "500", "--top", "5", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.Split('\n');
        Assert.StartsWith("Tornado of treatedNew · pdac · 2028 — US national base case", lines[0]);
        Assert.Contains("500 iterations per bar end", lines[1]);
        var bars = lines.Where(l => l.Contains("indications[", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, bars.Length);
        Assert.All(bars, b => Assert.Contains("indications[1].", b));
        Assert.Contains("Pancreatic adenocarcinoma · NRG1 fusion prevalence", bars[0]);
        Assert.Contains("│", bars[0]);
        Assert.Contains("more inputs with smaller swings", outcome.Out);
    }

    [Fact]
    public void JsonHasEveryBarSortedBySwingAndIsTheSameForAnyThreadCount()
    {
        string[] args = ["tornado", "--metric", "identified", "--indication", "nsclc", "--iterations", "300", "--format", "json"];
        var one = Run([.. args, "--threads", "1"]);
        var two = Run([.. args, "--threads", "2"]);

        Assert.Equal(0, one.ExitCode);
        using var json = JsonDocument.Parse(one.Out);
        var root = json.RootElement;
        Assert.Equal(["scenario", "output", "run", "base", "bars", "noEffect"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2030, root.GetProperty("output").GetProperty("year").GetInt32());
        var swings = root.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("swing").GetDouble()).ToArray();
        Assert.Equal(swings.OrderByDescending(s => s), swings);
        Assert.Equal(["path", "label", "low", "high", "outputAtLow", "outputAtHigh", "mcseAtLow", "mcseAtHigh", "swing", "swingMcse"],
            root.GetProperty("bars")[0].EnumerateObject().Select(p => p.Name));
        // Post-detection steps come after 'identified': they cannot move it.
        Assert.Contains(root.GetProperty("noEffect").EnumerateArray(),
            i => i.GetProperty("path").GetString() == "indications[0].postDetectionSteps[1].probability");
        Assert.Equal(WithoutTimes(one.Out), WithoutTimes(two.Out));
    }

    [Fact]
    public void CsvGoesToTheOutFileAtomically()
    {
        using var folder = new TempFolder();
        string file = folder.File("tornado.csv");
        var outcome = Run("tornado", "--metric", "treatedNew", "--iterations", "200", "--out", file);

        Assert.Equal(0, outcome.ExitCode);
        string[] rows = File.ReadAllLines(file);
        Assert.Equal("path,label,low,high,outputAtLow,outputAtHigh,swing,swingMcse,base", rows[0]);
        Assert.True(rows.Length > 10);
        Assert.Contains("wrote", outcome.Error);
        Assert.StartsWith("Tornado of treatedNew · total · 2030", outcome.Out);
    }

    [Theory]
    [InlineData("--metric", "treatedNw", "did you mean 'treatedNew'?")]
    [InlineData("--indication", "pdca", "unknown indication 'pdca'; did you mean 'pdac'?")]
    [InlineData("--year", "2040", "year 2040 is outside the horizon 2026–2030")]
    public void AnUnknownOutputIsAUsageErrorThatSaysWhatExists(string option, string value, string message)
    {
        string[] args = option == "--metric"
            ? ["tornado", option, value]
            : ["tornado", "--metric", "treatedNew", option, value];
        var outcome = Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void TheMetricIsRequired()
    {
        var outcome = Run("tornado");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--metric", outcome.Error);
    }

    private static string WithoutTimes(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"(threads|elapsedSeconds)\": [0-9.]+", "");
}
