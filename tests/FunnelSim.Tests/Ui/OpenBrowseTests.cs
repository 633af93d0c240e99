using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10: Open takes a typed path, a recent file, or one chosen in Terminal.Gui's file browser; what is wrong is named.</summary>
public class OpenBrowseTests
{
    private static IEnumerable<View> Walk(View view) => view.SubViews.SelectMany(Walk).Prepend(view);


    [Fact]
    public void BrowseFillsThePathWithTheFileChosen()
    {
        using var ui = new UiHarness();
        string file = ui.File("picked.json");
        File.WriteAllText(file, "{}");
        string? startedIn = null;
        using var prompt = new PathPrompt("Open scenario", "Scenario file (JSON):", ui.File("other.json"), [], forOpening: true,
            browse: start => { startedIn = start; return file; });
        var session = ui.App.Begin(prompt.Dialog);
        Assert.Contains("Browse", ui.Screen);

        prompt.Browse!.InvokeCommand(Command.Accept);

        Assert.Equal(Path.GetFullPath(file), prompt.Result);
        Assert.Equal(Path.GetDirectoryName(file), startedIn);
        ui.App.End(session!);
    }

    [Fact]
    public void AMissingFileOrAFolderIsNamedAndTheDialogStays()
    {
        using var ui = new UiHarness();
        using var prompt = new PathPrompt("Open scenario", "Scenario file (JSON):", "", [], forOpening: true, browse: _ => null);
        var session = ui.App.Begin(prompt.Dialog);

        prompt.Submit(ui.File("missing.json"));
        Assert.Null(prompt.Result);
        Assert.Contains("No such file", prompt.Error);
        Assert.Contains("missing.json", ui.Screen);

        prompt.Submit(Path.GetDirectoryName(ui.File("x"))!);
        Assert.Contains("is a folder", prompt.Error);

        prompt.Browse!.InvokeCommand(Command.Accept);   // cancelled in the browser
        Assert.Null(prompt.Result);
        ui.App.End(session!);
    }

    [Fact]
    public void SaveAsTakesANewName()
    {
        using var ui = new UiHarness();
        using var prompt = new PathPrompt("Save scenario as", "File name (JSON):", "", [], forOpening: false);
        Assert.Null(prompt.Browse);
        prompt.Submit(ui.File("new.json"));
        Assert.Equal(ui.File("new.json"), prompt.Result);
    }

    [Fact]
    public void AFileThatIsNotAScenarioIsNamedWithItsProblems()
    {
        using var ui = new UiHarness();
        var dialogs = new ScriptedDialogs();
        ui.Window.Dialogs = dialogs;
        string file = ui.File("notes.json");
        File.WriteAllText(file, "[1, 2");
        string? shown = null;
        using (ui.Modal(top =>
        {
            if (top is not Dialog d || !d.Title.Contains("notes.json", StringComparison.Ordinal)) return;
            ui.App.LayoutAndDraw();
            shown = ui.Drawn;
            d.RequestStop();
        }))
        {
            dialogs.Path(file);
            ui.Window.OpenScenario();
        }

        Assert.Empty(ui.ModalFailures);
        Assert.Contains("Cannot open notes.json", shown);
        Assert.Contains("Could not open", ui.Window.Message);
        Assert.Contains("notes.json", ui.Window.Message);
    }
}
