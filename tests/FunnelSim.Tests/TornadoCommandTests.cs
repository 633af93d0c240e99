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
        Assert.Contains("exact expectation", lines[1]);
        Assert.DoesNotContain("±", outcome.Out);
        var bars = lines.Where(l => l.Contains("indications[", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, bars.Length);
        Assert.All(bars, b => Assert.Contains("indications[1].", b));
        Assert.Contains("Pancreatic adenocarcinoma · NRG1 fusion prevalence", bars[0]);
        Assert.Contains("│", bars[0]);
        Assert.Contains("more inputs with smaller swings", outcome.Out);
    }

    [Fact]
    public void TheBudgetImpactTornadoIsSimulatedWithTheDrugPriceBarAndDollars()
    {
        var table = Run("tornado", Scenario("payer-medicare-advantage-1m.json"), "--metric", "budgetImpact", "--iterations", "400",
            "--threads", "2");
        var json = Run("tornado", Scenario("payer-medicare-advantage-1m.json"), "--metric", "budgetImpact", "--iterations", "400",
            "--format", "json", "--threads", "1");

        Assert.Equal(0, table.ExitCode);
        string[] lines = table.Out.Split('\n');
        Assert.StartsWith("Tornado of budgetImpact · total · 2030", lines[0]);
        Assert.Contains("simulation: 400 iterations per bar end", lines[1]);
        Assert.Matches(@"every input at its mean: -?\$[\d,]+ \(MCSE \$[\d,]+\)", lines[1]);
        string drug = lines.Single(l => l.Contains(" costs.drugPerDose ", StringComparison.Ordinal));
        Assert.Matches(@"\$[\d,]+ → \$[\d,]+\s+\$[\d,]+ ± \$[\d,]+", drug);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        Assert.Equal("simulation", root.GetProperty("run").GetProperty("method").GetString());
        Assert.Equal("USD", root.GetProperty("output").GetProperty("currency").GetString());
        var bars = root.GetProperty("bars").EnumerateArray().ToArray();
        var drugBar = Assert.Single(bars, b => b.GetProperty("path").GetString() == "costs.drugPerDose");
        Assert.True(drugBar.GetProperty("outputAtHigh").GetDouble() > drugBar.GetProperty("outputAtLow").GetDouble());
        Assert.True(drugBar.GetProperty("swingMcse").GetDouble() > 0);
    }

    [Fact]
    public void AskingForTheExpectationOfMoneyIsAUsageError()
    {
        var outcome = Run("tornado", Scenario("payer-commercial-1m.json"), "--metric", "costDrug", "--method", "expectation");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'costDrug' has no exact expectation; use --method simulation", outcome.Error);
    }

    [Fact]
    public void ASimulatedTornadoShowsItsIterationsAndEachSwingsMonteCarloError()
    {
        var outcome = Run("tornado", "--metric", "treatedNew", "--indication", "pdac", "--method", "simulation",
            "--iterations", "300", "--top", "3", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.Split('\n');
        Assert.Contains("simulation: 300 iterations per bar end", lines[1]);
        Assert.Contains("swing ± MCSE", lines[3]);
        Assert.Equal(3, lines.Count(l => l.Contains("indications[1].", StringComparison.Ordinal) && l.Contains(" ± ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExactJsonSaysItsMethodAndHasNoMonteCarloErrors()
    {
        var outcome = Run("tornado", "--metric", "doses", "--indication", "cca", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var root = json.RootElement;
        Assert.Equal(["scenario", "output", "run", "base", "bars", "noEffect"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["method", "engineVersion", "elapsedSeconds"], root.GetProperty("run").EnumerateObject().Select(p => p.Name));
        Assert.Equal("expectation", root.GetProperty("run").GetProperty("method").GetString());
        Assert.Equal(["mean"], root.GetProperty("base").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["path", "label", "low", "high", "outputAtLow", "outputAtHigh", "swing"],
            root.GetProperty("bars")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(root.GetProperty("bars").EnumerateArray(),
            b => b.GetProperty("path").GetString() == "indications[2].treatment.durationMonths.median");
    }

    [Fact]
    public void SimulatedJsonHasEveryBarSortedBySwingAndIsTheSameForAnyThreadCount()
    {
        string[] args = ["tornado", "--metric", "identified", "--indication", "nsclc", "--method", "simulation", "--iterations", "300",
            "--format", "json"];
        var one = Run([.. args, "--threads", "1"]);
        var two = Run([.. args, "--threads", "2"]);

        Assert.Equal(0, one.ExitCode);
        using var json = JsonDocument.Parse(one.Out);
        var root = json.RootElement;
        Assert.Equal(["scenario", "output", "run", "base", "bars", "noEffect"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2030, root.GetProperty("output").GetProperty("year").GetInt32());
        Assert.Equal("simulation", root.GetProperty("run").GetProperty("method").GetString());
        Assert.Equal(300, root.GetProperty("run").GetProperty("iterations").GetInt32());
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
        Assert.Equal("path,label,low,high,outputAtLow,outputAtHigh,swing,swingMcse,base,method", rows[0]);
        Assert.True(rows.Length > 10);
        Assert.All(rows.Skip(1), r => Assert.EndsWith(",expectation", r));
        Assert.Contains("wrote", outcome.Error);
        Assert.StartsWith("Tornado of treatedNew · total · 2030", outcome.Out);
    }

    [Theory]
    [InlineData("--metric", "treatedNw", "did you mean 'treatedNew'?")]
    [InlineData("--indication", "pdca", "unknown indication 'pdca'; did you mean 'pdac'?")]
    [InlineData("--year", "2040", "year 2040 is outside the horizon 2026–2030")]
    [InlineData("--method", "analytic", "Argument 'analytic' not recognized. Must be one of:")]
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
