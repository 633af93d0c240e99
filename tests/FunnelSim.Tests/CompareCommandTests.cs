using System.Text.Json;
using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class CompareCommandTests
{
    private static readonly string Base = Scenario("us-national-base.json");
    private static readonly string RnaFirst = Scenario("whatif-rna-first-testing.json");

    private static IEnumerable<JsonElement> AllMetrics(JsonElement root) =>
        root.GetProperty("indications").EnumerateArray().Append(root.GetProperty("total"))
            .SelectMany(g => g.GetProperty("years").EnumerateArray())
            .SelectMany(y => y.GetProperty("metrics").EnumerateObject().Select(m => m.Value));

    [Fact]
    public void IdenticalScenariosDifferByExactlyZeroInEveryMetric()
    {
        var outcome = Run("compare", Base, Base, "--iterations", "2000", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var metrics = AllMetrics(json.RootElement).ToArray();
        Assert.True(metrics.Length > 300);
        foreach (var metric in metrics)
        {
            var difference = metric.GetProperty("difference");
            foreach (string key in new[] { "mean", "sd", "p5", "p50", "p95", "mcse" })
                Assert.Equal(0, difference.GetProperty(key).GetDouble());
            Assert.Equal(0, metric.GetProperty("probabilityBGreater").GetDouble());
            Assert.Equal(0, metric.GetProperty("probabilityBLess").GetDouble());
            Assert.Equal(1, metric.GetProperty("probabilityEqual").GetDouble());
            Assert.Equal(metric.GetProperty("a").GetRawText(), metric.GetProperty("b").GetRawText());
        }
    }

    [Fact]
    public void TheTableShowsARowThatIsTheSameInEveryIterationAsSuch()
    {
        var outcome = Run("compare", Base, RnaFirst, "--iterations", "500", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        // The RNA what-if changes only the modality mix: every count before testing is identical in both.
        string tested = outcome.Out.Split('\n').Single(l => l.TrimStart().StartsWith("tested ", StringComparison.Ordinal));
        Assert.Matches(@"tested\s+[\d,]+\s+[\d,]+\s+0(\.0)?\s+same in every iteration\s+—", tested);
        Assert.DoesNotContain("0.0 to 0.0", outcome.Out);
    }

    [Fact]
    public void TheJsonHasTheContractedShapeAndThePairedIntervalIsFarNarrowerThanForIndependentRuns()
    {
        using var temp = new TempFolder();
        string target = temp.File("comparison.json");

        var outcome = Run("compare", Base, RnaFirst, "--iterations", "4000", "--out", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("B − A · total · 2030", outcome.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        var root = json.RootElement;
        Assert.Equal(["scenarioA", "scenarioB", "run", "indications", "total"], root.EnumerateObject().Select(p => p.Name));
        var pdac = root.GetProperty("indications")[1];
        Assert.Equal("pdac", pdac.GetProperty("id").GetString());
        Assert.Equal(2030, pdac.GetProperty("years")[4].GetProperty("year").GetInt32());
        var identified = root.GetProperty("total").GetProperty("years")[4].GetProperty("metrics").GetProperty("identified");
        Assert.Equal(["a", "b", "difference", "probabilityBGreater", "probabilityBLess", "probabilityEqual"],
            identified.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mean", "sd", "p5", "p50", "p95", "mcse"], identified.GetProperty("difference").EnumerateObject().Select(p => p.Name));

        // B − A of two independent runs would have sd √(sdA² + sdB²); pairing on shared streams removes most of it.
        double sdA = identified.GetProperty("a").GetProperty("sd").GetDouble();
        double sdB = identified.GetProperty("b").GetProperty("sd").GetDouble();
        double paired = identified.GetProperty("difference").GetProperty("sd").GetDouble();
        Assert.True(paired < Math.Sqrt(sdA * sdA + sdB * sdB) / 2, $"paired sd {paired}; A {sdA}, B {sdB}");
        Assert.True(identified.GetProperty("probabilityBGreater").GetDouble() > 0.95);
    }

    [Fact]
    public void PairedDifferencesAreNarrowerThanTheDifferenceOfTwoRunsWithDifferentSeeds()
    {
        // The same comparison, but B run on its own with another seed: the empirical spread of B(seed 2) − A(seed 1)
        // over iterations is what an unpaired comparison would report.
        using var temp = new TempFolder();
        var paired = Run("compare", Base, RnaFirst, "--iterations", "3000", "--seed", "1", "--format", "csv");
        Assert.Equal(0, paired.ExitCode);
        string row = paired.Out.Split('\n').Single(l => l.StartsWith("total,2030,treatedNew,", StringComparison.Ordinal));
        double pairedSd = double.Parse(row.Split(',')[10], System.Globalization.CultureInfo.InvariantCulture);

        var a = Run("run", Base, "--iterations", "3000", "--seed", "1");
        var b = Run("run", RnaFirst, "--iterations", "3000", "--seed", "2");
        double Sd(string results) => JsonNode.Parse(results)!["total"]!["years"]![4]!["metrics"]!["treatedNew"]!["sd"]!.GetValue<double>();
        double independentSd = Math.Sqrt(Sd(a.Out) * Sd(a.Out) + Sd(b.Out) * Sd(b.Out));

        Assert.True(pairedSd < independentSd / 2, $"paired {pairedSd}, independent {independentSd}");
    }

    [Fact]
    public void MetricsOnlyOneSideHasAreListedAndLeftOut()
    {
        using var temp = new TempFolder();
        var renamed = JsonNode.Parse(File.ReadAllText(Base))!;
        renamed["indications"]![1]!["postDetectionSteps"]![1]!["id"] = "payer-ok";
        string b = temp.File("renamed.json");
        File.WriteAllText(b, renamed.ToJsonString());

        var outcome = Run("compare", Base, b, "--iterations", "500", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("note: not compared: pdac: metric 'payer-approved' is only in A", outcome.Error);
        Assert.Contains("note: not compared: pdac: metric 'payer-ok' is only in B", outcome.Error);
        Assert.Contains("note: not compared: total: metric 'payer-approved' is only in A", outcome.Error);
        using var json = JsonDocument.Parse(outcome.Out);
        var pdac = json.RootElement.GetProperty("indications")[1].GetProperty("years")[0].GetProperty("metrics");
        Assert.False(pdac.TryGetProperty("payer-approved", out _));
        Assert.False(pdac.TryGetProperty("payer-ok", out _));
        Assert.True(pdac.TryGetProperty("treatedNew", out _));
    }

    [Fact]
    public void ADearerDrugMovesTheBudgetInTheTableAndLeavesTheComparatorAtExactlyZero()
    {
        using var temp = new TempFolder();
        string plan = Scenario("payer-commercial-1m.json");
        var dearer = JsonNode.Parse(File.ReadAllText(plan))!;
        var drug = dearer["costs"]!["drugPerDose"]!;
        foreach (string key in new[] { "min", "mode", "max" }) drug[key] = (double)drug[key]! * 1.2;
        string b = temp.File("dearer.json");
        File.WriteAllText(b, dearer.ToJsonString());

        var table = Run("compare", plan, b, "--iterations", "3000", "--threads", "2");
        var json = Run("compare", plan, b, "--iterations", "3000", "--format", "json", "--metric", "budgetImpact");

        Assert.Equal(0, table.ExitCode);
        string[] lines = table.Out.Split('\n');
        // Default rows: the headline counts, then the payer's money lines in dollars with thousands separators.
        string impact = lines.Single(l => l.TrimStart().StartsWith("budgetImpact ", StringComparison.Ordinal));
        Assert.Matches(@"budgetImpact\s+\$[\d,]+\s+\$[\d,]+\s+\+\$[\d,]+\s+\+?\$[\d,]+ to \+?\$[\d,]+", impact);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("costWithout ", StringComparison.Ordinal) && l.Contains(" $0 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("pmpm ", StringComparison.Ordinal));
        Assert.Contains("mean exact to the cent", table.Out);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        foreach (var group in document.RootElement.GetProperty("indications").EnumerateArray().Append(document.RootElement.GetProperty("total")))
        {
            foreach (var year in group.GetProperty("years").EnumerateArray())
            {
                var metrics = year.GetProperty("metrics");
                foreach (string unchanged in new[] { "costComparator", "costTesting", "costWithout" })
                {
                    var d = metrics.GetProperty(unchanged).GetProperty("difference");
                    foreach (string key in new[] { "mean", "sd", "p5", "p50", "p95" }) Assert.Equal(0, d.GetProperty(key).GetDouble());
                    Assert.Equal(3000, d.GetProperty("iterations").GetInt64());
                }
                Assert.True(metrics.GetProperty("costDrug").GetProperty("difference").GetProperty("mean").GetDouble() >= 0);
            }
        }
        var total = document.RootElement.GetProperty("total").GetProperty("years")[4].GetProperty("metrics").GetProperty("budgetImpact");
        Assert.True(total.GetProperty("difference").GetProperty("mean").GetDouble() > 0);
        Assert.True(total.GetProperty("probabilityBGreater").GetDouble() > 0);
    }

    [Fact]
    public void AMoneyMetricAgainstAScenarioWithoutCostsIsAUsageErrorThatSaysWhy()
    {
        using var temp = new TempFolder();
        var bare = JsonNode.Parse(File.ReadAllText(Base))!.AsObject();
        bare.Remove("costs");
        string b = temp.File("bare.json");
        File.WriteAllText(b, bare.ToJsonString());

        var outcome = Run("compare", Base, b, "--metric", "budgetImpact", "--iterations", "200");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("note: not compared: cost metrics are only in A (B has no costs block)", outcome.Error);
        Assert.Contains("in B: 'budgetImpact' is not available: this scenario has no costs block; metrics: incident,", outcome.Error);
    }

    [Theory]
    [InlineData("--metric", "treatedNw", "did you mean 'treatedNew'")]
    [InlineData("--indication", "lung", "unknown indication 'lung'")]
    [InlineData("--indication", "pdca", "in A: unknown indication 'pdca'; did you mean 'pdac'?")]
    [InlineData("--year", "2031", "outside the horizon 2026–2030")]
    public void ABadTableChoiceIsAUsageError(string option, string value, string message)
    {
        var outcome = Run("compare", Base, RnaFirst, option, value, "--iterations", "200");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void AnInvalidScenarioIsReportedWithItsPathAndExitsOne()
    {
        using var temp = new TempFolder();
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, "{ \"schemaVersion\": 1 ");
        var outcome = Run("compare", Base, bad);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{bad}: error:", outcome.Error);
        Assert.Equal(2, Run("compare", Base).ExitCode);
    }

    [Fact]
    public void HelpExplainsPairingAndGivesAnExample()
    {
        var outcome = Run("compare", "--help");
        Assert.Equal(0, outcome.ExitCode);
        foreach (string text in new[] { "same seed", "common random numbers", "B > A", "only one has", "funnelsim compare scenarios/" })
            Assert.Contains(text, outcome.Out);
    }
}
