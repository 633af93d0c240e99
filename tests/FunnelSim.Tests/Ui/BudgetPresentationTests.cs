using FunnelSim.Compilation;
using FunnelSim.Formatting;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Tests.Ui;

/// <summary>The Budget tab's text: the chart's scale, bars, band and threshold, and the table's fit to the width.</summary>
public class BudgetPresentationTests
{
    private static readonly Lazy<SimulationResult> Payer = new(() =>
    {
        string path = CliHarness.Scenario("payer-commercial-1m.json");
        var scenario = ScenarioDocument.FromJson(File.ReadAllText(path), path)!.Scenario!;
        return Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(2_000, scenario.Simulation.Seed));
    });

    private static MetricSummary Impact(double mean, double p5, double p95) => new(mean, 0, 0, p5, p5, p5, mean, p95, p95, p95, p5, p95);

    /// <summary>The payer result with the total's budget impact replaced by <paramref name="impacts"/> and a threshold.</summary>
    private static SimulationResult WithImpacts(double? threshold, params MetricSummary[] impacts)
    {
        var result = Payer.Value;
        var years = result.Total.Years.Take(impacts.Length)
            .Select((y, i) => y with { Metrics = new Dictionary<string, MetricSummary>(y.Metrics) { [MetricNames.BudgetImpact] = impacts[i] } })
            .ToList();
        var scenario = result.Scenario with { Costs = result.Scenario.Costs! with { BudgetThreshold = threshold } };
        return result with { Scenario = scenario, Total = new TotalResult(years) };
    }

    [Fact]
    public void BarsRunFromZeroToTheMeanWithTheBandAroundAndTheThresholdDotted()
    {
        var result = WithImpacts(150_000, Impact(100_000, 50_000, 200_000), Impact(-50_000, -100_000, 0));
        var lines = BudgetChart.Lines(result, ResultSelection.Total, 80);

        Assert.Equal("Impact per year, all indications — mean █, P5–P95 ├─┤; threshold $150,000 ┊", lines[0]);
        Assert.Equal("Annual budget impact, all indications — mean █ and 90% band P5–P95 ├─┤; threshold $150,000 ┊",
            BudgetChart.Lines(WithImpacts(150_000, Impact(1, 0, 2)), ResultSelection.Total, 120)[0]);
        string gain = lines[1], saving = lines[2];
        Assert.StartsWith("2026 ", gain);
        Assert.EndsWith("$100,000 ($50.0k–$200k)", gain);
        Assert.EndsWith("−$50,000 (−$100k–$0)", saving);
        // Scale −100k … 200k over the bar: zero a third of the way in; the saving's bar ends at zero, the gain's starts there.
        int textWidth = "$100,000 ($50.0k–$200k)".Length;   // the wider of the two texts; both are right-aligned to it
        Assert.Equal(gain.Length, saving.Length);
        string gainBar = gain[5..^(textWidth + 2)], savingBar = saving[5..^(textWidth + 2)];
        int zero = gainBar.IndexOf('█');
        Assert.Equal(savingBar.LastIndexOf('█'), zero);
        Assert.InRange(zero, gainBar.Length / 3 - 1, gainBar.Length / 3 + 1);
        Assert.Equal('├', savingBar[0]);
        Assert.EndsWith("┤", gainBar.TrimEnd());
        Assert.Contains('┊', saving);     // the threshold's line where nothing else is drawn
        Assert.Equal("     −$100k", lines[^1][..11]);
        Assert.EndsWith("$200k", lines[^1]);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public void AMeanAboveP95StillFitsTheScale()
    {
        // A small plan: 95% of iterations without a patient, so P5–P95 is $0–$0 and the mean lies outside it.
        var lines = BudgetChart.Lines(WithImpacts(null, Impact(4_000, 0, 0), Impact(17_000, 0, 80_000)), ResultSelection.Total, 100, withAxis: false);
        Assert.Equal(3, lines.Count);
        Assert.DoesNotContain("threshold", lines[0]);
        int Bar(string line) => line.Count(c => c == '█');
        Assert.InRange(Bar(lines[1]) * 20.0 / Bar(lines[2]), 3, 6);   // 4,000 : 17,000 ≈ 1 : 4.25 of one scale
        Assert.EndsWith("$4,000 ($0–$0)", lines[1]);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(78)]
    public void TheTableFitsTheWidthWithTheMostDetailThatFits(int width)
    {
        var rows = BudgetTableRows.Build(Payer.Value, ResultSelection.Total, width);

        Assert.True(BudgetTableRows.Width(rows) <= width, $"{BudgetTableRows.Width(rows)} > {width}");
        Assert.Equal(["", "2026", "2027", "2028", "2029", "2030"], rows.Headers);
        var labels = rows.Rows.Select(r => r[0].Trim()).Where(l => l.Length > 0).ToList();
        Assert.Contains("Budget impact", labels);
        Assert.Contains("PMPM", labels);
        Assert.Contains("Patients", labels);
        bool inline = rows.Rows.Any(r => r.Count > 1 && r[1].Contains('(') && r[1].Contains('–'));
        Assert.Equal(width >= 200, inline);
        Assert.Equal(width < 100, labels.Contains("Eligible"));
        Assert.Equal(width >= 100, labels.Contains("Eligible (test-positive)"));
    }

    [Fact]
    public void AScenarioWithoutCostsHasNoTableOrChart()
    {
        var result = Payer.Value with { Scenario = Payer.Value.Scenario with { Costs = null } };
        Assert.Equal(["no costs in this scenario"], BudgetChart.Lines(result, ResultSelection.Total, 80));
        Assert.Equal("no costs in this scenario", BudgetTableRows.Build(result, ResultSelection.Total, 80).Rows[0][0]);
    }

    [Theory]
    [InlineData(17_245.4, "USD", "$17,245")]
    [InlineData(-41_234, "", "−$41,234")]
    [InlineData(0.0014, "USD", "$0.0014")]
    [InlineData(1_234_567, "EUR", "1,234,567 EUR")]
    public void MoneyReadsWithThousandsSeparatorsAndItsCurrency(double value, string currency, string expected) =>
        Assert.Equal(expected, HumanNumber.Money(value, currency));

    [Theory]
    [InlineData(41_234, 10_000, "$41.2k")]
    [InlineData(41_234, 1e6, "$41,234")]
    [InlineData(7_061_000, 1e6, "$7.06M")]
    [InlineData(-250_000, 10_000, "−$250k")]
    [InlineData(999, 10, "$999")]
    public void IntervalEndsShortenFromTheirThreshold(double value, double from, string expected) =>
        Assert.Equal(expected, HumanNumber.ShortBudget(value, BudgetValueKind.Money, from));
}
