using FunnelSim.Formatting;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Ui.Views;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defects 5–8: numbers keep their figures, long text wraps, wide tables say they scroll, labels stay current.</summary>
public class DisplayTests
{
    [Fact]
    public void APlansSmallNumbersKeepTheirSignificantFigures()
    {
        using var ui = new UiHarness(120, 40);
        ui.Window.Open(CliHarness.Scenario("payer-commercial-1m.json"));
        ui.Settle();
        var total = ui.Workbench.Quick!.Result.Total.Years[0].Metrics;
        double identified = total[MetricNames.Identified].Mean, treated = total[MetricNames.TreatedNew].Mean;
        Assert.InRange(identified, 1e-4, 0.5);
        string screen = ui.Screen;

        string row = screen.Split('\n').First(l => l.Contains("Total") && l.Contains(HumanNumber.Count(identified)));
        Assert.Contains(HumanNumber.Count(treated), row);
        Assert.DoesNotContain(" 0.0 ", row);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void TheStatusBarNeverCutsAKey(int width, int height)
    {
        using var ui = new UiHarness(width, height);
        string status = ui.Screen.Split('\n')[height - 1].TrimEnd().TrimEnd('│').TrimEnd();
        string[] titles = ["Help", "Run", "Pin", "Tab", "Indic.", "Year", "Problems", "Save", "Quit", "Undo"];

        Assert.Contains("F1", status);
        Assert.True(titles.Any(t => status.EndsWith(t, StringComparison.Ordinal) || status.EndsWith(t + ")", StringComparison.Ordinal)
                                    || status.EndsWith("Ctrl+PgDn)", StringComparison.Ordinal)),
            $"the status bar ends mid-word: '{status}'");
        Assert.DoesNotMatch(@"Ctrl\+$|Proble$", status);
    }

    [Fact]
    public void AHiddenStatusKeyStillWorks()
    {
        using var ui = new UiHarness(80, 24);
        Assert.DoesNotContain("Undo", ui.Screen.Split('\n')[23]);
        ui.Workbench.Document.Set("years", System.Text.Json.Nodes.JsonValue.Create(4));

        ui.App.InjectKey(Terminal.Gui.Input.Key.Z.WithCtrl);

        Assert.Equal(5, ui.Workbench.Document.Scenario!.Years);
    }

    [Fact]
    public void LongProblemAndHelpLinesWrapInsteadOfBeingCut()
    {
        string problem = "indications[0].testing.modalities: the shares of the modalities must sum to 1; got 0.6 + 0.6 = 1.2 (off by 0.2)";
        var (rows, owners) = ListDialog.Wrap([problem, "short"], 60);

        Assert.All(rows, r => Assert.True(r.Length <= 60, r));
        Assert.Equal(problem.Split(' ').Where(w => w.Length > 0), string.Join(' ', rows.Take(rows.Count - 1)).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(rows.Count >= 3, "the long line takes several rows");
        Assert.Equal(Enumerable.Repeat(0, rows.Count - 1).Append(1), owners);
    }

    /// <summary>The screen's text as one line of words (a wrapped text reads whole in it).</summary>
    private static string Words(string screen) =>
        System.Text.RegularExpressions.Regex.Replace(screen.Replace('│', ' '), @"\s+", " ");

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void ALongMessageWrapsAboveTheStatusBarInsteadOfBeingCut(int width, int height)
    {
        using var ui = new UiHarness(width, height);
        Assert.True(ui.Workbench.Pin());
        ui.Settle();
        ui.Window.Open(CliHarness.Scenario("payer-commercial-1m.json"));
        ui.Settle();
        string message = ui.Window.Message;
        // At 120 columns that message fits one line: say it twice.
        if (message.Length <= width) ui.Window.Say(message = $"{message} Again: {message}");
        Assert.True(message.Length > width, $"the message is short enough for one line: {message}");

        string screen = ui.Screen;

        Assert.Contains(Words(message), Words(screen));
        var lines = screen.TrimEnd('\n').Split('\n');
        Assert.Equal(height, lines.Length);
        Assert.Contains("F1", lines[^1]);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void TheWhatIfTitleIsWholeAndNamesTheBaselineUnderTheTable(int width, int height)
    {
        using var ui = new UiHarness(width, height);
        Assert.True(ui.Workbench.Pin());
        ui.Settle();
        ui.Window.Open(CliHarness.Scenario("payer-commercial-1m.json"));
        ui.Settle();

        string screen = ui.Screen;

        Assert.Contains("Live what-if: means of 4,000 iterations", screen);
        Assert.Contains("the live run took", Words(screen));
        // At 80×24 that line gives way to the field editor's rows (the Compare tab names the baseline).
        if (height >= 40) Assert.Contains(Words($"In brackets: the difference from the baseline {ui.Workbench.Baseline!.Describe()}."), Words(screen));
    }

    [Fact]
    public void At80By24AnErrorLeavesTheFieldBeingTypedInOnTheScreen()
    {
        using var ui = new UiHarness(80, 24);
        var page = ui.EditAt("indications[0].testing.modalities[0]");
        var share = Assert.IsType<TextField>(page.Editor.InputOf("share"));
        share.SetFocus();

        share.Text = "0.9";
        ui.Settle();

        string screen = ui.Screen;
        Assert.Contains("1 error(s)", screen);
        Assert.Contains("Share of tested", screen);
        Assert.Contains("0.9", screen.Split('\n').Single(l => l.Contains("Share of tested", StringComparison.Ordinal)));
        Assert.Equal("", ui.Window.Message);
    }

    [Fact]
    public void At80By24WithABaselineAndCostsTheFieldEditorKeepsItsRows()
    {
        using var ui = new UiHarness(80, 24);
        Assert.True(ui.Workbench.Pin());
        ui.Settle();
        var page = ui.EditAt("indications[1].testing.uptake");
        var value = Assert.IsType<TextField>(page.Editor.InputOf("value"));
        value.SetFocus();

        value.Text = "0.5";
        ui.Settle();

        string screen = ui.Screen;
        Assert.Contains("Budget impact", screen);
        Assert.True(page.Editor.Frame.Height >= 5, $"the field editor has {page.Editor.Frame.Height} rows");
        // Too wide for the pane with the differences beside every number, the what-if shows the last year only (whole).
        string total = screen.Split('\n').First(l => l.Contains("│Total", StringComparison.Ordinal));
        Assert.Equal(2, total.Count(c => c == '('));
        Assert.Equal(2, total.Count(c => c == ')'));
        Assert.Contains("0.5", screen.Split('\n').Single(l => l.Contains("Editor", StringComparison.Ordinal)) + string.Join("", screen.Split('\n').Skip(5).Take(4)));
    }

    [Fact]
    public void TheCompareCaptionWrapsAndAWideTableSaysMoreLiesToTheRight()
    {
        using var ui = new UiHarness(80, 24);
        Assert.True(ui.Workbench.Pin());
        ui.Settle();
        var compare = ui.Window.Pages.OfType<ComparePage>().Single();
        ui.Window.Tabs.Value = compare.Content;
        ui.Settle();
        string screen = ui.Screen;

        // The caption ends with where the numbers come from; cut at 80 columns before, it now wraps onto a second line.
        Assert.Contains("paired", screen);
        Assert.Contains("iterations", screen);
        if (compare.Overflows) Assert.Contains(TablePageBase.MoreToTheRight, screen);
        Assert.Contains("P(higher)", screen.Replace("\n", " ") + string.Join(' ', compare.Table.Table!.ColumnNames));
    }

    [Fact]
    public void AModalitysLabelFollowsItsShare()
    {
        using var ui = new UiHarness(120, 40);
        var outline = ui.Window.EditPage.Outline;
        outline.Select("indications[0].testing.modalities[0]");
        ui.Window.EditPage.Editor.Edit(ui.Workbench.Document, outline.Selected!);
        string before = outline.Selected!.Label;
        var share = Assert.IsType<TextField>(ui.Window.EditPage.Editor.InputOf("share"));
        share.SetFocus();
        Assert.True(share.HasFocus);

        share.Text = "0.123";

        string after = outline.Tree.Objects!.SelectMany(o => o.SelfAndDescendants()).Single(n => n.Path == "indications[0].testing.modalities[0]").Label;
        Assert.NotEqual(before, after);
        Assert.Contains("12.3%", after);
        Assert.Contains("12.3%", ui.Screen);
        Assert.True(share.HasFocus, "typing in the share keeps the focus in the field");
    }
}
