using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

/// <summary>Overlays and <c>--set</c> on the command line (docs/scenario-format.md#overlays, docs/cli.md).</summary>
public class OverlayCommandTests
{
    private static readonly string Base = Scenario("us-national-base.json");
    private static readonly string RnaFirst = Scenario("whatif-rna-first-testing.json");

    private static JsonNode WithoutTiming(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["run"]!.AsObject().Remove("elapsedSeconds");
        return node;
    }

    [Fact]
    public void SetOnTheCommandLineGivesTheSameResultsAsTheOverlayFile()
    {
        using var temp = new TempFolder();
        string overlay = temp.File("o.json");
        File.WriteAllText(overlay, $$"""
            { "schemaVersion": 1, "extends": "{{Base.Replace("\\", "/", StringComparison.Ordinal)}}",
              "set": { "indications[pdac].testing.uptake.value": 0.5, "years": 2 } }
            """);

        var fromFile = Run("run", overlay, "-n", "1000", "--format", "json");
        var fromSet = Run("run", Base, "-n", "1000", "--format", "json",
            "--set", "indications[pdac].testing.uptake.value=0.5", "--set", "years=2");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(0, fromSet.ExitCode);
        Assert.Equal(WithoutTiming(fromFile.Out).ToJsonString(), WithoutTiming(fromSet.Out).ToJsonString());
        Assert.Equal(2, JsonNode.Parse(fromSet.Out)!["scenario"]!["years"]!.GetValue<int>());
    }

    [Fact]
    public void SetWorksOnBudget()
    {
        var outcome = Run("budget", Base, "-n", "1000", "--format", "json", "--set", "costs.drugPerDose.mode=30000");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("30000", outcome.Out);
    }

    [Theory]
    [InlineData("novalue", 2, "PATH=VALUE")]
    [InlineData("indications[pdca].prevalence.value=0.1", 1, "did you mean 'pdac'?")]
    [InlineData("indications[0].prevalence.value=2", 1, "--set indications[0].prevalence.value=2")]
    public void ABadSetIsExplained(string setting, int exitCode, string message)
    {
        var outcome = Run("run", Base, "-n", "1000", "--format", "json", "--set", setting);

        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void CompareOfTheBaseAndTheShippedRnaWhatIfComparesMoneyToo()
    {
        var outcome = Run("compare", Base, RnaFirst, "-n", "2000", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        var total = JsonNode.Parse(outcome.Out)!["total"]!["years"]![4]!["metrics"]!;
        Assert.NotNull(total["budgetImpact"]);
        Assert.NotEqual(0, total["budgetImpact"]!["difference"]!["mean"]!.GetValue<double>());
    }

    [Fact]
    public void CompareAppliesSetToBOnly()
    {
        var outcome = Run("compare", Base, Base, "-n", "2000", "--format", "json",
            "--set", "indications[pdac].testing.uptake.value=0.6");

        Assert.Equal(0, outcome.ExitCode);
        var root = JsonNode.Parse(outcome.Out)!;
        Assert.Equal(0.45, root["scenarioA"]!["indications"]![1]!["testing"]!["uptake"]!["value"]!.GetValue<double>());
        Assert.Equal(0.6, root["scenarioB"]!["indications"]![1]!["testing"]!["uptake"]!["value"]!.GetValue<double>());
        double tested = root["indications"]![1]!["years"]![0]!["metrics"]!["tested"]!["difference"]!["mean"]!.GetValue<double>();
        Assert.True(tested > 0);
    }

    [Fact]
    public void ValidateAcceptsTheShippedOverlaysAndDriversTornadoAndBatchTakeSet()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("validate", RnaFirst, Scenario("whatif-low-testing-uptake.json")).ExitCode);
        Assert.Equal(0, Run("batch", RnaFirst, "--out-dir", temp.Path, "-n", "1000", "--set", "years=1").ExitCode);
        var result = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(temp.Path, "*.results.json").Single()))!;
        Assert.Equal(1, result["scenario"]!["years"]!.GetValue<int>());
        Assert.Equal(0.85, result["scenario"]!["indications"]![0]!["testing"]!["modalities"]![1]!["share"]!.GetValue<double>());
        Assert.Contains("--set", Run("drivers", "--help").Out);
        Assert.Contains("--set", Run("tornado", "--help").Out);
    }
}
