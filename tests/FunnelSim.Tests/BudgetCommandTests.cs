using System.Text.Json;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

public class BudgetCommandTests
{
    [Fact]
    public void PrintsTheIsporStyleTableWithYearsAsColumns()
    {
        var outcome = Run("budget", Scenario("payer-commercial-1m.json"), "--iterations", "4000", "--threshold", "500,000");

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.Split('\n');
        Assert.StartsWith("Budget impact · Commercial plan, 1,000,000 members", lines[0]);
        Assert.Contains("1,000,000 members · USD, 2025 prices, undiscounted · 4,000 iterations", outcome.Out);
        var header = Assert.Single(lines, l => l.TrimStart().StartsWith("2026", StringComparison.Ordinal));
        Assert.Equal(["2026", "2027", "2028", "2029", "2030"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (string row in new[] { "Eligible (test-positive)", "Newly treated", "  Drug", "Administration", "Monitoring",
                     "Adverse events", "Testing", "Comparator", "Budget impact", "per patient on BIZENGRI", "Cumulative budget impact",
                     "PMPM", "P(impact > $500,000)", "Non-small cell lung cancer" })
            Assert.Contains(row, outcome.Out);
        // The 90% interval sits on the line below each mean.
        int pmpm = Array.FindIndex(lines, l => l.StartsWith("  PMPM", StringComparison.Ordinal));
        Assert.Contains("–", lines[pmpm + 1]);
        Assert.Contains("$0.0", lines[pmpm]);
    }

    [Fact]
    public void AScenarioWithoutCostsIsAClearError()
    {
        using var temp = new TempFolder();
        string file = temp.File("no-costs.json");
        var scenario = JsonDocument.Parse(File.ReadAllText(Scenario("us-national-base.json"))).RootElement;
        using (var stream = File.Create(file))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var property in scenario.EnumerateObject().Where(p => p.Name != "costs")) property.WriteTo(writer);
            writer.WriteEndObject();
        }

        var outcome = Run("budget", file, "--iterations", "100");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        Assert.Contains("has no 'costs' block", outcome.Error);
    }

    [Fact]
    public void OutWritesJsonAndCsvWithTheBudgetMetrics()
    {
        using var temp = new TempFolder();
        var json = Run("budget", Scenario("payer-medicare-advantage-1m.json"), "-n", "2000", "--out", temp.File("budget.json"));
        var csv = Run("budget", Scenario("payer-medicare-advantage-1m.json"), "-n", "2000", "--out", temp.File("budget.csv"));

        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains("Budget impact", json.Out); // the table still goes to standard output
        using var document = JsonDocument.Parse(File.ReadAllText(temp.File("budget.json")));
        var metrics = document.RootElement.GetProperty("total").GetProperty("years")[4].GetProperty("metrics");
        // Every count the help promises (the whole funnel, each step) and every cost metric.
        var names = metrics.EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (string name in new[] { "incident", "laterLine", "fusionPositive", "tested", "truePositive", "falsePositive",
                     "falseNegative", "untestedFusionPositive", "identified", "treatedNew", "treatedNewTruePositive",
                     "treatedNewFalsePositive", "onTreatment", "doses", "costDrug", "costAdministration", "costMonitoring",
                     "costAdverseEvents", "costTesting", "costWith", "costComparator", "costTestingWithout", "costWithout",
                     "budgetImpact", "budgetImpactFalsePositive", "budgetImpactPerTreated", "pmpm", "cumulativeBudgetImpact" })
            Assert.Contains(name, names);
        Assert.True(metrics.GetProperty("budgetImpactPerTreated").GetProperty("iterations").GetInt64() > 0);
        string[] rows = File.ReadAllLines(temp.File("budget.csv"));
        Assert.Contains(rows, r => r.StartsWith("total,2030,pmpm,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("cca,2026,costComparator,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("cca,2026,incident,", StringComparison.Ordinal));
        Assert.EndsWith(",iterations", rows[0]);
    }

    [Fact]
    public void FormatWithoutOutPrintsJsonInsteadOfTheTable()
    {
        var outcome = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "1000", "--format", "json", "--threshold", "0");
        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Out);
        var year = document.RootElement.GetProperty("total").GetProperty("years")[0].GetProperty("metrics");
        Assert.InRange(year.GetProperty("probabilityExceedsThreshold").GetProperty("mean").GetDouble(), 0, 1);
        Assert.Equal(0, document.RootElement.GetProperty("scenario").GetProperty("costs").GetProperty("budgetThreshold").GetDouble());
    }

    [Theory]
    [InlineData("--threshold", "lots")]
    [InlineData("--threshold", "1e99")]
    public void ABadThresholdIsAUsageError(string option, string value)
    {
        var outcome = Run("budget", Scenario("payer-commercial-1m.json"), option, value);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--threshold must be an amount", outcome.Error);
    }

    [Fact]
    public void RunResultsCarryTheBudgetMetrics()
    {
        var outcome = Run("run", Scenario("payer-commercial-1m.json"), "-n", "1000");
        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Out);
        var metrics = document.RootElement.GetProperty("indications")[1].GetProperty("years")[0].GetProperty("metrics");
        foreach (string name in new[] { "costWith", "costWithout", "budgetImpact", "costDrug", "costAdministration", "costMonitoring",
                     "costAdverseEvents", "costTesting", "costComparator", "budgetImpactPerTreated", "pmpm" })
            Assert.True(metrics.TryGetProperty(name, out _), name);
        Assert.True(metrics.TryGetProperty("incident", out _));
    }

    [Fact]
    public void ThreadsDoNotChangeTheTable()
    {
        var one = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "3000", "--threads", "1");
        var three = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "3000", "--threads", "3");
        Assert.Equal(one.Out, three.Out);
    }
}
