using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>The main window rendered headless with Terminal.Gui's own test support, read from the screen.</summary>
public class MainWindowTests
{
    [Fact]
    public void OpensOnTheBaseCaseWithLiveNumbersAndTheKeysAt80By24()
    {
        using var ui = new UiHarness(80, 24);
        ui.Workbench.StartQuickRun();
        ui.Settle();
        string screen = ui.Screen;

        Assert.Contains("Outline", screen);
        Assert.Contains("New starts", screen);
        Assert.Contains("Means of 4,000 iterations", screen.Replace("means of", "Means of"));
        Assert.Contains("PDAC", screen);
        Assert.Contains("F1", screen);
        Assert.Contains("F5", screen);
        Assert.Equal(24, screen.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void TypingAnImpossibleValueShowsTheValidatorsMessageUnderTheField()
    {
        using var ui = new UiHarness();
        var page = ui.EditAt("indications[1].testing.uptake");
        var mean = Assert.IsType<TextField>(page.Editor.InputOf("value"));

        mean.Text = "1.5";
        string screen = ui.Screen;

        Assert.Contains("Editor: PDAC › testing › uptake", screen);
        Assert.Contains("error: must be between 0 and 1 (a probability); got 1.5", screen);
        Assert.Contains("Testing !", screen);
        Assert.Contains("1 error(s)", screen);

        mean.Text = "0.5";
        Assert.DoesNotContain("error: must lie", ui.Screen);
    }

    [Fact]
    public void KeysNavigateTheOutlineAndInsertAddsAStep()
    {
        using var ui = new UiHarness();
        var tree = ui.Window.EditPage.Outline.Tree;
        tree.SetFocus();
        ui.Window.EditPage.Outline.Select("indications[0].preTestSteps[0]");
        ui.App.InjectKey(Key.CursorDown);
        Assert.Equal("indications[0].preTestSteps[1]", tree.SelectedObject!.Path);

        ui.App.InjectKey(Key.InsertChar);
        Assert.Equal("indications[0].preTestSteps[2]", tree.SelectedObject!.Path);
        Assert.Equal("step-1", ui.Workbench.Document.Text("indications[0].preTestSteps[2].id"));
        Assert.Contains("step-1", ui.Screen);
        Assert.True(ui.Workbench.Document.IsDirty);
        Assert.Contains("*", ui.Window.Title);
    }

    [Fact]
    public void TheResultsTableShowsMeansIntervalsAndShares()
    {
        using var ui = new UiHarness();
        ui.Workbench.StartQuickRun();
        ui.Settle();
        ui.Window.Tabs.Value = ui.Window.Pages[1].Content;
        string screen = ui.Screen;

        Assert.Contains("NSCLC, 2026", screen);
        Assert.Contains("Incident cases", screen);
        Assert.Contains("Lost: false negatives", screen);
        Assert.Contains("P5–P95", screen);
        Assert.Contains("% of NRG1+", screen);
        Assert.Matches(@"\d{3},\d{3}", screen);
    }

    [Fact]
    public void TheChartsDrawTheFunnelTheTreatedBandAndAHistogram()
    {
        using var ui = new UiHarness();
        ui.Workbench.StartQuickRun();
        ui.Settle();

        ui.Window.Tabs.Value = ui.Window.Pages[2].Content;
        Assert.Contains("█", ui.Screen);
        Assert.Contains("NRG1 fusion-positive", ui.Screen);
        ui.Window.Tabs.Value = ui.Window.Pages[3].Content;
        Assert.Contains("├", ui.Screen);
        Assert.Contains("2030", ui.Screen);
        ui.Window.Tabs.Value = ui.Window.Pages[4].Content;
        Assert.Contains("distribution over iterations", ui.Screen);
        Assert.Contains("median", ui.Screen);
    }

    [Fact]
    public void TheCompareTabShowsBaselineCurrentAndTheDifference()
    {
        using var ui = new UiHarness();
        ui.Workbench.Pin();
        ui.Settle();
        var node = new OutlineNode("Uptake", "indications[1].testing.uptake", OutlineKind.Parameter, []);
        var editor = new FieldEditor(ui.Workbench.Document, node);
        editor.SetText(editor.Fields().Single(f => f.Key == "value"), "0.58", out _);
        ui.Workbench.StartQuickRun();
        ui.Settle();
        ui.Window.Tabs.Value = ui.Window.Pages.OfType<ComparePage>().Single().Content;
        ui.App.InjectKey(Key.F3);
        string screen = ui.Screen;

        Assert.Contains("PDAC, 2026", screen);
        Assert.Contains("Baseline", screen);
        Assert.Contains("Difference", screen);
        Assert.Contains("90% interval", screen);
        Assert.Matches(@"New starts[^\n]*\+\d", screen);
        Assert.Contains("[baseline:", ui.Window.Title);
    }
}
