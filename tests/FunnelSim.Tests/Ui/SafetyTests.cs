using System.Text.Json.Nodes;
using FunnelSim.Ui.Editing;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defects 1–4: nothing the analyst made is lost by a key, a dialog's default, a typo or an Open.</summary>
public class SafetyTests
{
    private static (UiHarness Ui, ScriptedDialogs Dialogs) Create(int width = 120, int height = 40)
    {
        var ui = new UiHarness(width, height);
        var dialogs = new ScriptedDialogs();
        ui.Window.Dialogs = dialogs;
        return (ui, dialogs);
    }

    [Fact]
    public void EscNeverQuitsEvenWithNothingUnsaved()
    {
        var (ui, _) = Create();
        using var owned = ui;
        ui.Workbench.StartQuickRun();
        ui.Settle();
        Assert.False(ui.Workbench.Document.IsDirty);

        ui.App.InjectKey(Key.Esc);
        ui.App.InjectKey(Key.Esc);
        Assert.True(ui.Window.IsRunning, "Esc stopped the window");
        // Terminal.Gui's quit key (Esc) stops the top window through this question in the real run loop: refused.
        bool refused = ((IRunnable)ui.Window).RaiseIsRunningChanging(true, false);

        Assert.True(refused, "a stop other than Quit was allowed");
        Assert.Contains("Ctrl+Q", ui.Window.Message);
    }

    [Fact]
    public void QuittingWithABaselineAsksAndCancelKeepsEverything()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        ui.Window.ConfirmOnQuit = true;
        Assert.True(ui.Workbench.Pin());
        ui.Settle();

        dialogs.Answer("Cancel");
        ui.App.InjectKey(Key.Q.WithCtrl);

        var asked = Assert.Single(dialogs.Asked);
        Assert.StartsWith("Quit and lose the results?", asked.Message);
        Assert.Equal("Cancel", asked.Buttons[^1]);
        Assert.True(ui.Window.IsRunning);
        Assert.NotNull(ui.Workbench.Baseline);
        ui.Window.ConfirmOnQuit = false;
    }

    [Fact]
    public void TheUnsavedChangesQuestionDefaultsToCancel()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        ui.Window.ConfirmOnQuit = true;
        ui.Workbench.Document.Set("years", JsonValue.Create(4));

        dialogs.Answer(null);   // Esc on the question
        ui.App.InjectKey(Key.Q.WithCtrl);

        var asked = Assert.Single(dialogs.Asked);
        Assert.Equal(["Save", "Discard", "Cancel"], asked.Buttons);
        Assert.True(ui.Window.IsRunning);
        Assert.True(ui.Workbench.Document.IsDirty);
        ui.Window.ConfirmOnQuit = false;
    }

    [Fact]
    public void SaveAsOverAnExistingFileAsksAndCancelKeepsTheFile()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        string existing = ui.File("shipped.json");
        File.WriteAllText(existing, "keep me");

        dialogs.Path(existing).Answer("Cancel");
        ui.Window.SaveScenario(saveAs: true);

        Assert.Equal("keep me", File.ReadAllText(existing));
        var asked = dialogs.Asked[^1];
        Assert.Equal("Replace file?", asked.Title);
        Assert.Equal("Cancel", asked.Buttons[^1]);

        dialogs.Path(existing).Answer("Replace");
        ui.Window.SaveScenario(saveAs: true);
        Assert.Contains("\"schemaVersion\"", File.ReadAllText(existing));
    }

    [Fact]
    public void ExportOverAnExistingFileAsks()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        ui.Workbench.StartQuickRun();
        ui.Settle();
        string existing = ui.File("results.json");
        File.WriteAllText(existing, "keep me");

        dialogs.Path(existing).Answer("Cancel");
        ui.Window.ExportResults();

        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Contains("exists and was kept", ui.Window.Message);
    }

    [Fact]
    public void TextThatIsNotANumberMarksTheNodeBlocksTheRunAndSaveAsks()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        var page = ui.EditAt("indications[0].incidence");
        var mean = Assert.IsType<TextField>(page.Editor.InputOf("value"));

        mean.Text = "195000abc";
        ui.Workbench.StartQuickRun();
        ui.Settle();
        string screen = ui.Screen;

        Assert.Contains("'195000abc' is not a number", screen);
        Assert.Contains("Incidence !", screen);
        Assert.False(ui.Workbench.Document.Validation.IsValid);
        Assert.Null(ui.Workbench.Document.Scenario);
        Assert.Contains("1 error", ui.Workbench.QuickError);
        Assert.Equal("195000abc", page.Editor.Editor!.GetText(page.Editor.Editor.Fields().Single(f => f.Key == "value")));

        string path = ui.File("typo.json");
        dialogs.Path(path).Answer("Cancel");
        ui.Window.SaveScenario(saveAs: true);
        Assert.Contains(dialogs.Asked, a => a.Title == "Save" && a.Message.Contains("1 error(s)"));
        Assert.False(File.Exists(path));

        mean.Text = "195000";
        Assert.True(ui.Workbench.Document.Validation.IsValid);
    }

    [Fact]
    public void APinnedBaselineKeptAcrossOpenSaysItIsAnotherScenario()
    {
        var (ui, dialogs) = Create();
        using var owned = ui;
        Assert.True(ui.Workbench.Pin());
        ui.Settle();

        ui.Window.Open(CliHarness.Scenario("payer-commercial-1m.json"));
        ui.Settle();

        Assert.True(ui.Workbench.Baseline!.OtherScenario);
        Assert.Contains("another scenario", ui.Window.Message);
        Assert.Contains("another scenario", ui.Window.Title);
        ui.Window.Tabs.Value = ui.Window.Pages.Single(p => p is FunnelSim.Ui.Views.ComparePage).Content;
        Assert.Contains("(another scenario)", ui.Screen);
        Assert.Empty(dialogs.Asked);
    }
}
