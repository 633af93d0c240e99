using FunnelSim.Rendering;
using FunnelSim.Formatting;
using System.Text.Json.Nodes;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Views;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>The Budget tab and the budget line of the live headline, rendered headless.</summary>
public class BudgetPageTests
{
    private static readonly string PayerScenario = CliHarness.Scenario("payer-commercial-1m.json");

    private static ScenarioDocument Payer() => ScenarioDocument.FromJson(File.ReadAllText(PayerScenario), PayerScenario)!;

    private static UiHarness OnBudgetTab(int width, int height, ScenarioDocument document)
    {
        var ui = new UiHarness(width, height, document);
        ui.Workbench.StartQuickRun();
        ui.Settle();
        var page = Budget(ui);
        ui.Window.Tabs.Value = page.Content;
        page.Content.SetFocus();
        ui.Settle();
        return ui;
    }

    private static BudgetPage Budget(UiHarness ui) => ui.Window.Pages.OfType<BudgetPage>().Single();

    private static string Cell(TableView table, int row, int column) => table.Table![row, column]?.ToString() ?? "";

    private static int RowOf(TableView table, string label)
    {
        for (int r = 0; r < table.Table!.Rows; r++)
            if (Cell(table, r, 0).Trim() == label) return r;
        return -1;
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void ThePayerScenarioShowsTheChartAndTheIsporTableWithTheRunsNumbers(int width, int height)
    {
        using var ui = OnBudgetTab(width, height, Payer());
        var result = ui.Workbench.Latest!.Result;
        var total = result.Total.Years;
        string screen = ui.Screen;
        var table = Budget(ui).Table;

        // The chart: one bar per year, each with the year's mean budget impact (total: F3 moves to it).
        Assert.Contains("Annual budget impact, NSCLC", screen);
        string firstYear = result.Indications[0].Years[0].Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] lines = screen.Split('\n');
        var bar = lines.First(l => l.Contains($"│{firstYear} ", StringComparison.Ordinal));
        Assert.Contains("█", bar);
        Assert.Contains(HumanNumber.Money(result.Indications[0].Years[0].Metrics[MetricNames.BudgetImpact].Mean), bar);
        Assert.Equal(total.Count, lines.Count(l => l.Contains('█') && total.Any(y => l.Contains($"│{y.Year} ", StringComparison.Ordinal))));

        // The table: years as columns, the core's rows, every line within the screen's width.
        Assert.Equal([.. total.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))], table.Table!.ColumnNames[1..]);
        int drug = RowOf(table, "Drug");
        Assert.True(drug > 0, "a Drug row");
        Assert.Equal(HumanNumber.Money(result.Indications[0].Years[^1].Metrics[MetricNames.CostDrug].Mean), Cell(table, drug, total.Count).Split(' ')[0]);
        Assert.True(RowOf(table, "PMPM") > 0, "a PMPM row");
        Assert.True(RowOf(table, width < 100 ? "Eligible" : "Eligible (test-positive)") > 0, "an eligible row");
        Assert.Contains("Eligible", screen);
        Assert.All(lines, l => Assert.True(l.Length <= width, l));
        Assert.True(BudgetTableRows.Width(BudgetTableRows.Build(result, "nsclc", width - 2)) <= width - 2, "the table fits the tab");
    }

    [Fact]
    public void F3ShowsTheTotalWithEachIndicationsImpactAndTheThresholdRow()
    {
        var document = Payer();
        document.Set("costs.budgetThreshold", JsonValue.Create(500_000));
        using var ui = OnBudgetTab(120, 40, document);
        foreach (var _ in ui.Workbench.Latest!.Result.Indications) ui.App.InjectKey(Terminal.Gui.Input.Key.F3);
        ui.Settle();
        var table = Budget(ui).Table;
        var total = ui.Workbench.Latest!.Result.Total.Years;

        Assert.Contains("All indications · 1,000,000 members · USD, 2025 prices, undiscounted", ui.Screen);
        Assert.Contains("Annual budget impact, all indications", ui.Screen);
        Assert.Contains("threshold $500,000 ┊", ui.Screen);
        int threshold = RowOf(table, "P(impact > $500,000)");
        Assert.True(threshold > 0, "the threshold row");
        Assert.Equal(HumanNumber.Probability(total[^1].Metrics[MetricNames.ProbabilityExceedsThreshold].Mean), Cell(table, threshold, total.Count));
        Assert.True(RowOf(table, "Budget impact by indication") > 0);
        Assert.True(RowOf(table, "Cholangiocarcinoma") > 0);
        int impact = RowOf(table, "Budget impact");
        Assert.StartsWith(HumanNumber.Money(total[0].Metrics[MetricNames.BudgetImpact].Mean), Cell(table, impact, 1));
    }

    [Fact]
    public void AScenarioWithoutCostsSaysSoPlainly()
    {
        var document = ScenarioDocument.BaseCase();
        document.Set("costs", null, structural: true);
        using var ui = OnBudgetTab(80, 24, document);

        Assert.Contains(BudgetPage.NoCosts, ui.Screen);
        Assert.Contains("Add a costs block", ui.Screen);
        Assert.DoesNotContain("Annual budget impact", ui.Screen);
        Assert.DoesNotContain("Budget impact 20", ui.Screen);
    }

    [Fact]
    public void ChangingTheDrugPriceInTheEditorMovesTheBudgetImpactAfterTheDebouncedRun()
    {
        using var ui = OnBudgetTab(120, 40, Payer());
        var before = ui.Workbench.Quick!.Result.Total.Years;
        string headlineBefore = $"Budget impact {before[0].Year} {HumanNumber.Money(before[0].Metrics[MetricNames.BudgetImpact].Mean)}";
        ui.Window.Tabs.Value = ui.Window.EditPage.Content;
        Assert.Contains(headlineBefore, ui.Screen);

        // Given the drug price selected in the outline (a PERT), when its mode goes from $24,683 to $30,000 …
        var page = ui.EditAt("costs.drugPerDose");
        Assert.Contains("Editor: costs › drugPerDose", ui.Screen);
        var mode = Assert.IsType<TextField>(page.Editor.InputOf("mode"));
        Assert.Equal("24683", mode.Text);
        mode.Text = "30000";
        Assert.Same(before, ui.Workbench.Quick!.Result.Total.Years);   // nothing runs before the debounce

        ui.Time.Advance(TimeSpan.FromMilliseconds(400));
        ui.App.TimedEvents!.RunTimers();
        ui.Settle();

        // … then the live run shows the drug cost up (the mean price rose 13.5%; its range stayed) and the impact up by
        // exactly as much: same patients, same doses, every other cost line unchanged (shared random numbers).
        var after = ui.Workbench.Quick!.Result.Total.Years;
        Assert.NotSame(before, after);
        double drugBefore = before[^1].Metrics[MetricNames.CostDrug].Mean, drugAfter = after[^1].Metrics[MetricNames.CostDrug].Mean;
        Assert.True(drugBefore > 0);
        Assert.InRange(drugAfter / drugBefore, 1.1, 1.4);
        Assert.Equal(before[^1].Metrics[MetricNames.TreatedNew].Mean, after[^1].Metrics[MetricNames.TreatedNew].Mean);
        Assert.Equal(before[^1].Metrics[MetricNames.CostComparator].Mean, after[^1].Metrics[MetricNames.CostComparator].Mean);
        Assert.Equal(before[^1].Metrics[MetricNames.BudgetImpact].Mean + (drugAfter - drugBefore), after[^1].Metrics[MetricNames.BudgetImpact].Mean, drugBefore * 1e-6);
        string headlineAfter = $"Budget impact {after[0].Year} {HumanNumber.Money(after[0].Metrics[MetricNames.BudgetImpact].Mean)}";
        Assert.NotEqual(headlineBefore, headlineAfter);
        Assert.Contains(headlineAfter, ui.Screen);

        ui.Window.Tabs.Value = Budget(ui).Content;
        var table = Budget(ui).Table;
        var nsclc = ui.Workbench.Latest!.Result.Indications[0].Years;   // the tab shows the F3 selection: the first indication
        Assert.Equal(HumanNumber.Money(nsclc[^1].Metrics[MetricNames.CostDrug].Mean), Cell(table, RowOf(table, "Drug"), after.Count).Split(' ')[0]);
    }
}
