using FunnelSim.Ui.Editing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10: the sampling design and the parameter correlations are edited like any other field.</summary>
public class SamplingSettingsTests
{
    private static FieldEditor Edit(UiHarness ui, string path)
    {
        var page = ui.EditAt(path);
        ui.Settle();
        return page.Editor.Editor!;
    }

    private static EditorField Field(FieldEditor editor, string key) => editor.Fields().Single(f => f.Key == key);

    [Fact]
    public void TheSettingsOfferMonteCarloOrLatinHypercube()
    {
        using var ui = new UiHarness();
        var editor = Edit(ui, "");
        string? written = ui.Workbench.Document.Text("simulation.sampling");
        Assert.Equal("monte-carlo", editor.GetText(Field(editor, "sampling")));
        Assert.Equal("none", editor.GetText(Field(editor, "correlationRepair")));
        string screen = ui.Screen;
        Assert.Contains("Sampling", screen);
        Assert.Contains("monte-carlo", screen);

        editor.SetText(Field(editor, "sampling"), "latin-hypercube", out _);

        Assert.Equal("latin-hypercube", ui.Workbench.Document.Text("simulation.sampling"));
        Assert.True(ui.Workbench.Document.Validation.IsValid);
        Assert.Equal(FunnelSim.Model.SamplingMethod.LatinHypercube, ui.Workbench.Document.Scenario!.Simulation.Sampling);
        Assert.Equal("simulation.sampling", ui.Workbench.Document.Undo());
        Assert.Equal(written, ui.Workbench.Document.Text("simulation.sampling"));
        // Not written at all, the field shows the format's default.
        ui.Workbench.Document.Set("simulation.sampling", null);
        Assert.Equal("monte-carlo", editor.GetText(Field(editor, "sampling")));
    }

    [Fact]
    public void LatinHypercubeReplicatesAreEditedAndCheckedLikeAnyNumber()
    {
        using var ui = new UiHarness();
        var editor = Edit(ui, "");
        var document = ui.Workbench.Document;
        // Not written, the field shows the format's default.
        Assert.Null(document.Find("simulation.lhsReplicates"));
        Assert.Equal("10", editor.GetText(Field(editor, "lhsReplicates")));
        Assert.Contains("LHS replicates", ui.Screen);
        editor.SetText(Field(editor, "sampling"), "latin-hypercube", out _);
        var replicates = Assert.IsType<TextField>(ui.Window.EditPage.Editor.InputOf("lhsReplicates"));

        replicates.Text = "25";
        ui.Settle();
        Assert.Equal(25, document.Scenario!.Simulation.LhsReplicates);

        replicates.Text = "1";
        ui.Settle();
        Assert.Null(document.Scenario);
        Assert.Contains(document.Validation.Errors, e => e.Path == "simulation.lhsReplicates");
        Assert.Contains("Scenario settings !", ui.Screen);
        Assert.Contains("error:", ui.Screen);

        replicates.Text = "25x";
        ui.Settle();
        Assert.Null(document.Scenario);
        Assert.Contains("'25x' is not a number", ui.Screen);

        replicates.Text = "";
        ui.Settle();
        Assert.Null(document.Find("simulation.lhsReplicates"));
        Assert.Equal(10, document.Scenario!.Simulation.LhsReplicates);
    }

    [Fact]
    public void CorrelationsAreAddedEditedCheckedAndRemoved()
    {
        using var ui = new UiHarness();
        var outline = ui.Window.EditPage.Outline;
        Edit(ui, "correlations");
        Assert.Contains("Correlations (none)", ui.Screen);

        outline.Tree.SetFocus();
        ui.App.InjectKey(Key.InsertChar);
        ui.Settle();

        var document = ui.Workbench.Document;
        Assert.Equal(1, document.Count("correlations"));
        Assert.Equal("correlations[0]", outline.Selected!.Path);
        string a = document.Text("correlations[0].a")!, b = document.Text("correlations[0].b")!;
        Assert.NotEqual(a, b);
        Assert.True(document.Validation.IsValid);
        Assert.Contains("Correlations (1 pair)", ui.Screen);

        var editor = Edit(ui, "correlations[0]");
        var rho = Assert.IsType<TextField>(ui.Window.EditPage.Editor.InputOf("rho"));
        rho.Text = "1.5";
        ui.Settle();
        Assert.Null(document.Scenario);
        Assert.Contains("ρ +1.50 nsclc", ui.Screen);
        Assert.Contains("Correlations (1 pair) !", ui.Screen);
        Assert.EndsWith(" !", outline.Tree.AspectGetter!(outline.Selected!));
        Assert.Contains("error:", ui.Screen);

        rho.Text = "0.6x";
        ui.Settle();
        Assert.Null(document.Scenario);
        Assert.Contains("'0.6x' is not a number", ui.Screen);

        rho.Text = "0.6";
        ui.Settle();
        var scenario = document.Scenario;
        Assert.NotNull(scenario);
        var correlation = Assert.Single(scenario!.Correlations);
        Assert.Equal(0.6, correlation.Rho);
        Assert.Equal(a, correlation.A);

        // Input B is a drop-down of the uncertain inputs, shown by indication id.
        var choices = Field(editor, "b").Choices!;
        Assert.Contains("pdac uptake", choices);
        Assert.Contains("nsclc prescribed", choices);
        editor.SetText(Field(editor, "b"), choices[^1], out _);
        Assert.Equal(Field(editor, "b").Values![^1], document.Text("correlations[0].b"));

        outline.Select("correlations[0]");
        outline.Tree.SetFocus();
        ui.App.InjectKey(Key.DeleteChar);
        ui.Settle();
        Assert.Null(document.Find("correlations"));
        Assert.True(document.Validation.IsValid);
    }

    [Fact]
    public void CorrelationsTheCopulaCannotDrawMarkTheListAndBlockRuns()
    {
        using var ui = new UiHarness();
        var document = ui.Workbench.Document;
        var inputs = ScenarioOutline.CorrelatableInputs(document);
        document.Set("correlations", new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["a"] = inputs[0], ["b"] = inputs[1], ["rho"] = 0.9 },
            new System.Text.Json.Nodes.JsonObject { ["a"] = inputs[1], ["b"] = inputs[2], ["rho"] = 0.9 },
            new System.Text.Json.Nodes.JsonObject { ["a"] = inputs[0], ["b"] = inputs[2], ["rho"] = -0.9 }), structural: true);
        Edit(ui, "correlations");
        ui.Settle();

        Assert.Null(document.Scenario);
        string screen = ui.Screen;
        Assert.Contains("Correlations (3 pairs) !", screen);
        Assert.Contains("Scenario settings !", screen);
        Assert.Contains(document.Validation.Errors, e => e.Path == "correlations");
        Assert.Contains("error", screen);
    }
}
