using FunnelSim.Formatting;
using FunnelSim.Model;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10: the commercial view, the first screen's labels and money in the Drivers tab.</summary>
public class CommercialViewTests
{
    [Theory]
    [InlineData(120, 40)]
    [InlineData(80, 24)]
    public void TheTreatedTabShowsEveryYearAndTheTotalsOverTheHorizon(int width, int height)
    {
        using var ui = new UiHarness(width, height);
        ui.Window.Tabs.Value = ui.Window.Pages.OfType<TreatedChartPage>().Single().Content;
        ui.Settle();
        var latest = ui.Workbench.Latest!;
        var horizon = latest.Horizon!.Of("nsclc")!;

        var lines = CommercialTable.Lines(latest.Result, latest.Horizon, "nsclc", width - 2);
        string all = string.Join('\n', lines);

        Assert.All(lines, l => Assert.True(l.Length <= width - 2, l));
        foreach (string label in new[] { "New starts", "On treatment", "Doses", "Drug sales", CommercialTable.HorizonHeader })
            Assert.Contains(label, all);
        foreach (var year in latest.Result.Indications[0].Years) Assert.Contains(year.Year.ToString(HumanNumber.Culture), all);
        Assert.Contains(HumanNumber.Count(horizon[MetricNames.Doses].Mean), all);
        Assert.Contains(HumanNumber.Interval(horizon[MetricNames.TreatedNew].P5, horizon[MetricNames.TreatedNew].P95), all);
        string screen = ui.Screen;
        Assert.Contains("New starts", screen);
        Assert.Contains("Drug sales", screen);
        // What does not fit scrolls, and the page says so (nothing is cut without a sign).
        if (!screen.Contains(CommercialTable.HorizonHeader)) Assert.Contains(TextLinesView.MoreBelow, screen);
    }

    [Fact]
    public void TheResultsTableHasDosesAndDrugSales()
    {
        using var ui = new UiHarness(120, 40);
        var table = FunnelTable.Build(ui.Workbench.Latest!.Result, new ResultSelection());

        Assert.Contains(table.Rows, r => r[0] == "New starts");
        Assert.Contains(table.Rows, r => r[0] == "Doses");
        Assert.Contains(table.Rows, r => r[0].StartsWith("Drug sales", StringComparison.Ordinal));
        Assert.DoesNotContain(table.Rows, r => r[0].Contains("Treated", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFirstScreenSaysWhatItsNumbersAre()
    {
        using var ui = new UiHarness(120, 40);
        string screen = ui.Screen;
        var last = ui.Workbench.Quick!.Result.Total.Years[^1];
        var starts = last.Metrics[MetricNames.TreatedNew];

        Assert.Contains("means of 4,000 iterations", screen);
        Assert.Contains($"Total new starts {last.Year}: {HumanNumber.Count(starts.Mean)} (90% interval {HumanNumber.Interval(starts.P5, starts.P95)})", screen);
        Assert.Contains("= with − without BIZENGRI", screen);
    }

    [Fact]
    public void F4ReachesTheBudgetImpactAndTheDriversTabShowsItsTornado()
    {
        using var ui = new UiHarness(120, 40);
        ui.Window.Tabs.Value = ui.Window.Drivers.Content;
        ui.Settle();

        for (int i = 0; i < 20 && ui.Window.Histogram is not null && !ui.Screen.Contains("Tornado: Budget impact"); i++)
        {
            ui.App.InjectKey(Key.F4);
            ui.Settle();
        }

        Assert.Contains("Tornado: Budget impact · NSCLC", ui.Screen);
    }
}
