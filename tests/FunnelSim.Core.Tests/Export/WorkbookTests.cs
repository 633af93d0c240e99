using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using FunnelSim.Sweeps;
using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Core.Tests.Reporting;

namespace FunnelSim.Core.Tests.Export;

public class WorkbookTests
{
    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void EveryNumberOfTheResultsWorkbookEqualsTheJsonResults()
    {
        var result = ReportFixture.Payer;
        var book = new WorkbookReader(Bytes(s => ResultWorkbook.Write(result, s)));
        using var json = JsonDocument.Parse(ResultJson.Write(result));

        Assert.Equal(["Total", "nsclc", "pdac", "cca", "Budget", "Inputs", "Run"], book.Names);
        var groups = json.RootElement.GetProperty("indications").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("years")))
            .Append(("Total", json.RootElement.GetProperty("total").GetProperty("years")));
        int compared = 0;
        foreach (var (sheet, years) in groups)
        {
            var rows = book.Sheets[sheet];
            var columns = rows[0].Where(c => c.Key >= 2).ToDictionary(c => (int)c.Value.Number!.Value, c => c.Key);
            foreach (var year in years.EnumerateArray())
            {
                int column = columns[year.GetProperty("year").GetInt32()];
                var metrics = year.GetProperty("metrics").EnumerateObject().ToArray();
                foreach (var metric in metrics)
                {
                    foreach (var (statistic, property) in new[] { ("mean", "mean"), ("P5", "p5"), ("P95", "p95") })
                    {
                        var row = rows.Single(r => r.GetValueOrDefault(0)?.Text == metric.Name && r.GetValueOrDefault(1)?.Text == statistic);
                        bool undefined = metric.Value.TryGetProperty("iterations", out var n) && n.GetInt64() == 0;
                        if (undefined) { Assert.False(row.ContainsKey(column)); continue; }
                        Assert.Equal(metric.Value.GetProperty(property).GetDouble(), row[column].Number);
                        compared++;
                    }
                }
                // Metrics as rows in funnel order: the sheet's order is the results' order.
                Assert.Equal(metrics.Select(m => m.Name), rows.Skip(1).Where(r => r[1].Text == "mean").Select(r => r[0].Text));
            }
        }
        Assert.True(compared > 1000, $"{compared} numbers compared");
    }

    [Fact]
    public void MoneyHasCurrencyFormatsAndTheBudgetSheetHasTheBudgetTableRows()
    {
        var result = ReportFixture.Payer;
        var book = new WorkbookReader(Bytes(s => ResultWorkbook.Write(BudgetReport.Select(result), s)));

        var budget = book.Sheets["Budget"];
        var labels = budget.Select(r => r.GetValueOrDefault(0)?.Text).OfType<string>().ToHashSet();
        foreach (var section in BudgetReport.Sections) Assert.Contains(section.Heading, labels);
        Assert.Contains("Drug", labels);
        Assert.Contains("Budget impact by indication", labels);
        var impact = budget.First(r => r.GetValueOrDefault(1)?.Text == MetricNames.BudgetImpact && r[2].Text == "mean");
        Assert.All(impact.Where(c => c.Key >= 3), c => Assert.StartsWith("\"$\"#,##0", c.Value.NumberFormat));
        var pmpm = budget.First(r => r.GetValueOrDefault(1)?.Text == MetricNames.Pmpm && r[2].Text == "mean");
        Assert.All(pmpm.Where(c => c.Key >= 3), c => Assert.StartsWith("\"$\"#,##0.0000", c.Value.NumberFormat));
        var total = book.Sheets["Total"];
        var drug = total.First(r => r[0].Text == MetricNames.CostDrug && r[1].Text == "P95");
        Assert.Equal(result.Total.Years[^1].Metrics[MetricNames.CostDrug].P95, drug[2 + result.Total.Years.Count - 1].Number);
    }

    [Fact]
    public void InputsAndRunSheetsCarryEveryInputAndTheProvenance()
    {
        var result = ReportFixture.Payer;
        var book = new WorkbookReader(Bytes(s => ResultWorkbook.Write(result, s, ReportFixture.Created)));
        var inputs = InputTable.Rows(ModelCompiler.Compile(result.Scenario));

        var sheet = book.Sheets["Inputs"];
        Assert.Equal(["path", "label", "distribution", "value", "low", "high", "source"], sheet[0].OrderBy(c => c.Key).Select(c => c.Value.Text));
        Assert.Equal(inputs.Count, sheet.Count - 1);
        for (int i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(inputs[i].Path, sheet[i + 1][0].Text);
            Assert.Equal(inputs[i].Value, sheet[i + 1][3].Number);
            Assert.Equal(inputs[i].Low, sheet[i + 1][4].Number);
            Assert.Equal(inputs[i].High, sheet[i + 1][5].Number);
            Assert.Equal(inputs[i].Source, sheet[i + 1].GetValueOrDefault(6)?.Text);
        }
        var run = book.Sheets["Run"].ToDictionary(r => r[0].Text!, r => r[1]);
        Assert.Equal(result.Run.Iterations, run["iterations"].Number);
        Assert.Equal(result.Run.Seed, run["seed"].Number);
        Assert.Equal("monte-carlo", run["sampling"].Text);
        Assert.Equal(ScenarioHash.OfCanonical(result.Scenario), run["scenario SHA-256"].Text);
        Assert.Equal("2026-12-05 12:00:00 UTC", run["written"].Text);
    }

    [Fact]
    public void TheComparisonWorkbookHoldsBothSidesAndThePairedDifference()
    {
        var a = ReportFixture.Payer.Scenario with { Simulation = ReportFixture.Payer.Scenario.Simulation with { Iterations = 300 } };
        var b = a with { Costs = a.Costs! with { DrugPerDose = FunnelSim.Model.Parameter.Fixed(20_000) } };
        var comparison = ScenarioComparison.Run(ModelCompiler.Compile(a), ModelCompiler.Compile(b), new RunOptions(300, a.Simulation.Seed, 2));

        var book = new WorkbookReader(Bytes(s => ComparisonWorkbook.Write(comparison, s)));

        Assert.Equal(["Total", "nsclc", "pdac", "cca", "Inputs A", "Inputs B", "Run"], book.Names);
        var rows = book.Sheets["Total"];
        var last = comparison.Total.Years[^1].Metrics[MetricNames.BudgetImpact];
        int column = 2 + comparison.Total.Years.Count - 1;
        Assert.Equal(last.A.Mean, rows.Single(r => r[0].Text == MetricNames.BudgetImpact && r[1].Text == "A mean")[column].Number);
        Assert.Equal(last.B.Mean, rows.Single(r => r[0].Text == MetricNames.BudgetImpact && r[1].Text == "B mean")[column].Number);
        Assert.Equal(last.Difference.Mean, rows.Single(r => r[0].Text == MetricNames.BudgetImpact && r[1].Text == "B − A mean")[column].Number);
        Assert.Equal(last.Difference.P95, rows.Single(r => r[0].Text == MetricNames.BudgetImpact && r[1].Text == "B − A P95")[column].Number);
        var chance = rows.Single(r => r[0].Text == MetricNames.BudgetImpact && r[1].Text == "P(B > A)")[column];
        Assert.Equal(last.ProbabilityBGreater, chance.Number);
        Assert.Equal("0.0%", chance.NumberFormat);
    }

    [Fact]
    public void ASweepGivesOneRowPerPointWithAColumnPerAxis()
    {
        var scenario = ReportFixture.NoCosts.Scenario with { Simulation = ReportFixture.NoCosts.Scenario.Simulation with { Iterations = 200 } };
        var axes = new[] { new SweepAxis("indications[1].prevalence.value", [0.001, 0.002]), new SweepAxis("years", [5]) };
        var workbook = new SweepWorkbook(axes);
        var results = new List<SimulationResult>();
        for (int i = 0; i < 2; i++)
        {
            var result = Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(200 * (i + 1), scenario.Simulation.Seed, 1));
            results.Add(result);
            workbook.Add(new SweepPoint(i, [axes[0].Values[i], 5]), result);
        }

        var book = new WorkbookReader(Bytes(s => workbook.Write(s, "base.json")));

        var rows = book.Sheets["Total"];
        Assert.Equal(3, rows.Count);
        Assert.Equal(["point", "indications[1].prevalence.value", "years", "incident 2026 mean"], rows[0].OrderBy(c => c.Key).Take(4).Select(c => c.Value.Text));
        Assert.Equal([0.0, 0.001, 5], rows[1].OrderBy(c => c.Key).Take(3).Select(c => c.Value.Number!.Value));
        int treated = rows[0].Single(c => c.Value.Text == "treatedNew 2030 P95").Key;
        Assert.Equal(results[1].Total.Years[^1].Metrics[MetricNames.TreatedNew].P95, rows[2][treated].Number);
        Assert.Contains("pdac", book.Names);
    }

    [Fact]
    public void ColumnLettersGoPastZ() =>
        Assert.Equal("AA", XlsxBook.Column(26));
}
