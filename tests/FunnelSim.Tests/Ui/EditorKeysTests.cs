using System.Text.Json.Nodes;
using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>The field editor at 80×24 and its drop-downs, driven by keys as a person would.</summary>
public class EditorKeysTests
{
    // PDAC's "prescribed" step: id, name, then its probability's form, mean, low, high, ramp, ramp to, ramp years, source.
    private const string Prescribed = "indications[1].postDetectionSteps[0]";

    private static UiHarness Editing(string path, int width = 80, int height = 24)
    {
        var ui = new UiHarness(width, height);
        var page = ui.EditAt(path);
        ui.Settle();
        return ui;
    }

    [Fact]
    public void At80By24TabbingReachesTheLastFieldOfAStepWithARangeARampASourceAndAnError()
    {
        using var ui = Editing(Prescribed);
        var editor = ui.Window.EditPage.Editor;
        // An error under the mean makes the rows taller still.
        Assert.IsType<TextField>(editor.InputOf("value")).Text = "0.9";
        ui.Settle();
        Assert.DoesNotContain("Probability: Source", ui.Screen);

        editor.FocusField("id");
        for (int i = 0; i < 20 && editor.InputOf("source")?.HasFocus != true; i++) ui.App.InjectKey(Key.Tab);
        string screen = ui.Screen;

        Assert.True(editor.InputOf("source")!.HasFocus);
        Assert.True(editor.Viewport.Y > 0, "the editor scrolled");
        Assert.Contains("Probability: Source", screen);
        Assert.True(screen.Contains("Assumption, start of launch") || screen.Contains("treatment-duration)") /* the source ends citing docs/evidence.md */, screen);

        editor.FocusField("id");
        Assert.Equal(0, editor.Viewport.Y);
        Assert.Contains("Id", ui.Screen);
    }

    [Fact]
    public void ArrowsAndLettersOnAClosedFormListDoNotChangeTheForm()
    {
        using var ui = Editing(Prescribed);
        var document = ui.Workbench.Document;
        string before = document.Find($"{Prescribed}.probability")!.ToJsonString();
        var form = Assert.IsType<ChoiceList>(ui.Window.EditPage.Editor.InputOf("shape"));
        form.SetFocus();

        ui.App.InjectKey(Key.CursorDown);
        ui.App.InjectKey(Key.CursorDown);
        ui.App.InjectKey(Key.CursorUp);
        ui.App.InjectKey(Key.CursorUp);
        ui.App.InjectKey(Key.CursorUp);
        ui.App.InjectKey(Key.B);
        ui.App.InjectKey(Key.F);
        ui.Settle();

        Assert.Equal(before, document.Find($"{Prescribed}.probability")!.ToJsonString());
        Assert.Equal("value + 95% range", form.Text);
        Assert.False(document.IsDirty);
    }

    [Fact]
    public void ChoosingFromTheOpenListChangesTheFormSaysWhatWasDroppedAndCtrlZBringsItBack()
    {
        using var ui = Editing(Prescribed);
        var document = ui.Workbench.Document;
        string before = document.Find($"{Prescribed}.probability")!.ToJsonString();
        var form = Assert.IsType<ChoiceList>(ui.Window.EditPage.Editor.InputOf("shape"));
        form.SetFocus();

        ui.App.InjectKey(Key.Enter);       // opens the list on "value + 95% range"
        ui.App.InjectKey(Key.CursorUp);    // "fixed number"
        ui.App.InjectKey(Key.Enter);       // chosen
        ui.Settle();

        Assert.Equal(0.45, document.Find($"{Prescribed}.probability")!.GetValue<double>());
        Assert.Contains("dropped low, high, ramp, source.", ui.Window.Message);
        Assert.Contains("Ctrl+Z", ui.Window.Message);

        ui.App.InjectKey(Key.Z.WithCtrl);
        ui.Settle();

        Assert.Equal(before, document.Find($"{Prescribed}.probability")!.ToJsonString());
        Assert.Equal("value + 95% range", Assert.IsType<ChoiceList>(ui.Window.EditPage.Editor.InputOf("shape")).Text);
        Assert.Contains("Undone", ui.Window.Message);
    }

    [Fact]
    public void CtrlZInATextFieldUndoesTheWholeRunOfTyping()
    {
        using var ui = Editing("indications[1].testing.uptake", 120, 40);
        var mean = Assert.IsType<TextField>(ui.Window.EditPage.Editor.InputOf("value"));
        mean.SetFocus();
        ui.App.InjectKey(Key.End);
        foreach (var key in new[] { Key.Backspace, Key.Backspace, Key.D5, Key.D5 }) ui.App.InjectKey(key);
        Assert.Equal(0.55, ui.Workbench.Document.Find("indications[1].testing.uptake.value")!.GetValue<double>());

        ui.App.InjectKey(Key.Z.WithCtrl);
        ui.Settle();

        Assert.Equal(0.45, ui.Workbench.Document.Find("indications[1].testing.uptake.value")!.GetValue<double>());
        Assert.Equal("0.45", Assert.IsType<TextField>(ui.Window.EditPage.Editor.InputOf("value")).Text);
    }

    [Fact]
    public void HiddenKeysWorkAndTheStatusBarShowsTheTabKeyAt80Columns()
    {
        using var ui = new UiHarness(80, 24);
        Assert.Contains("Ctrl+T", ui.Screen.Split('\n')[^2]);

        ui.App.InjectKey(Key.PageDown.WithCtrl);
        Assert.Equal(ui.Window.Pages[1].Content, ui.Window.Tabs.Value);
        ui.App.InjectKey(Key.PageUp.WithCtrl);
        ui.App.InjectKey(Key.PageUp.WithCtrl);
        Assert.Equal(ui.Window.Pages[^1].Content, ui.Window.Tabs.Value);
        ui.App.InjectKey(Key.T.WithCtrl);
        Assert.Equal(ui.Window.Pages[0].Content, ui.Window.Tabs.Value);
    }

    [Fact]
    public void TheStatusBarNamesCtrlPgDnWhenThereIsRoom()
    {
        using var ui = new UiHarness(140, 30);
        Assert.Contains("Tab (or Ctrl+PgDn)", ui.Screen);
    }
}
