using System.Text.Json;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class DriversCommandTests
{
    [Fact]
    public void PrintsARankedTableAndWritesTheFullJson()
    {
        using var temp = new TempFolder();
        string target = temp.File("drivers.json");

        var outcome = Run("drivers", Scenario("us-national-base.json"), "--metric", "treatedNew", "--indication", "pdac",
            "--year", "2028", "--iterations", "2000", "--top", "5", "--out", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Drivers of treatedNew · pdac · 2028", outcome.Out);
        Assert.Contains("held-out draws", outcome.Out);
        Assert.Contains("indications[1].prevalence", outcome.Out);
        Assert.Contains("more (--top", outcome.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        var root = json.RootElement;
        Assert.Equal(["scenario", "output", "run", "surrogate", "linearRSquared", "fixedParameters", "parameters"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2028, root.GetProperty("output").GetProperty("year").GetInt32());
        Assert.Equal(2000, root.GetProperty("run").GetProperty("draws").GetInt32());
        var parameters = root.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.True(parameters.Length > 20);
        var surrogate = root.GetProperty("surrogate");
        Assert.Equal(["model", "trainDraws", "testDraws", "rSquared", "seed", "attainableRSquared", "linearRSquared", "shareOfAttainable", "verdict"],
            surrogate.EnumerateObject().Select(p => p.Name));
        Assert.InRange(surrogate.GetProperty("attainableRSquared").GetDouble(), 0, 1);
        Assert.Contains("of the attainable", outcome.Out);
        Assert.Contains("var share", outcome.Out);
        Assert.Equal(["path", "label", "spearman", "standardizedCoefficient", "varianceShare", "ranks"],
            parameters[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(parameters, p => p.GetProperty("path").GetString()!.EndsWith(".ramp.to", StringComparison.Ordinal));
    }

    [Fact]
    public void AMoneyOutputIsRankedAndShownInDollars()
    {
        var outcome = Run("drivers", Scenario("payer-medicare-advantage-1m.json"), "--metric", "budgetImpact",
            "--iterations", "1500", "--top", "80", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.Split('\n');
        Assert.StartsWith("Drivers of budgetImpact · total · 2030", lines[0]);
        Assert.Matches(@"output over 1,500 draws: mean -?\$[\d,]+, 90% interval -?\$[\d,]+ to -?\$[\d,]+", lines[1]);
        // Every input is ranked, costs among them (at plan scale, patient-level chance dominates the order).
        Assert.Contains("costs.drugPerDose", outcome.Out);
    }

    [Fact]
    public void APerTreatedOutputSaysHowManyDrawsHadAValue()
    {
        var outcome = Run("drivers", Scenario("payer-commercial-1m.json"), "--metric", "budgetImpactPerTreated",
            "--indication", "cca", "--year", "2026", "--iterations", "3000", "--format", "json", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var run = json.RootElement.GetProperty("run");
        Assert.InRange(run.GetProperty("drawsUsed").GetInt32(), 0, 2999);
        Assert.Equal("USD", json.RootElement.GetProperty("output").GetProperty("currency").GetString());
    }

    [Fact]
    public void CsvHasOneRowPerInput()
    {
        var outcome = Run("drivers", "--metric", "identified", "--iterations", "1000", "--format", "csv");
        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("rank,path,label,spearman,standardizedCoefficient,varianceShare,spearmanRank,regressionRank,importanceRank", lines[0]);
        Assert.StartsWith("1,indications[", lines[1], StringComparison.Ordinal);
        Assert.Equal(72, lines.Length); // the base case: 51 uncertain funnel inputs and 20 uncertain costs
    }

    [Theory]
    [InlineData("--metric", "treatedNw", "did you mean 'treatedNew'")]
    [InlineData("--indication", "lung", "unknown indication 'lung'; this scenario has: nsclc, pdac, cca, total")]
    [InlineData("--indication", "ccaa", "unknown indication 'ccaa'; did you mean 'cca'? this scenario has: nsclc, pdac, cca, total")]
    [InlineData("--year", "2040", "outside the horizon 2026–2030")]
    public void ABadOutputChoiceIsAUsageError(string option, string value, string message)
    {
        string[] args = option == "--metric"
            ? ["drivers", "--metric", value, "--iterations", "200"]
            : ["drivers", "--metric", "treatedNew", option, value, "--iterations", "200"];
        var outcome = Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void TooFewIterationsAndAMissingMetricAreUsageErrors()
    {
        var few = Run("drivers", "--metric", "treatedNew", "--iterations", "50");
        Assert.Equal(2, few.ExitCode);
        Assert.Contains("at least 100 iterations", few.Error);

        var missing = Run("drivers");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--metric", missing.Error);
    }

    [Fact]
    public void HelpExplainsTheMethodsAndGivesAnExample()
    {
        var outcome = Run("drivers", "--help");
        Assert.Equal(0, outcome.ExitCode);
        foreach (string text in new[] { "Spearman", "FastTree", "held-out", "--metric", "--indication", "--year", "--max-draws", "funnelsim drivers scenarios/" })
            Assert.Contains(text, outcome.Out);
    }
}
