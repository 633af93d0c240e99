using FunnelSim.Files;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Files;

namespace FunnelSim.Tests.Ui;

public class EditingTests
{
    private static OutlineNode Node(ScenarioDocument d, string path) =>
        ScenarioOutline.Build(d).SelectMany(n => n.SelfAndDescendants()).Single(n => n.Path == path);

    [Fact]
    public void TheOutlineFollowsTheFunnelOfEachIndication()
    {
        var outline = ScenarioOutline.Build(ScenarioDocument.BaseCase());
        Assert.Equal(["Scenario settings", "Population"], outline.Take(2).Select(n => n.Label));
        var pdac = outline.Single(n => n.Path == "indications[1]");
        Assert.Equal(["Incidence", "Annual growth", "Pre-test steps", "Prevalence (NRG1+)", "Testing", "Post-detection steps", "Treatment"],
            pdac.Children.Select(c => c.Label));
        Assert.Equal(["Uptake", "Modalities"], pdac.Children[4].Children.Select(c => c.Label));
    }

    [Theory]
    [InlineData("pert", new[] { "min", "mode", "max" })]
    [InlineData("beta", new[] { "alpha", "beta" })]
    [InlineData("fixed number", new[] { "value" })]
    public void ChangingAParametersFormGivesAValidParameterWithItsFields(string shape, string[] fields)
    {
        var document = ScenarioDocument.BaseCase();
        // The written value (the point estimate, not the fitted mean) carries over into the new form.
        double before = document.Scenario!.Indications[2].Prevalence.PointEstimate;
        var editor = new FieldEditor(document, Node(document, "indications[2].prevalence"));
        editor.SetText(editor.Fields()[0], shape, out bool reshaped);

        Assert.True(reshaped);
        Assert.True(document.Validation.IsValid, string.Join("; ", document.Validation.Diagnostics));
        Assert.Equal(fields, editor.Fields().Skip(1).Where(f => f.Key is not ("ramp" or "source")).Select(f => f.Key));
        Assert.Equal(before, document.Scenario!.Indications[2].Prevalence.Mean, 6);
    }

    [Fact]
    public void TypingANewValueMovesTheRangeWithItFromWhereTheTypingStarted()
    {
        // PDAC testing uptake 0.45 (0.30–0.60): a new value moves low and high on the logit scale, as --set does.
        var document = ScenarioDocument.BaseCase();
        var editor = new FieldEditor(document, Node(document, "indications[1].testing.uptake"));
        var value = editor.Fields().Single(f => f.Key == "value");
        static double Logit(double p) => Math.Log(p) - Math.Log(1 - p);

        // "0" on the way to "0.05" cannot carry a range (the logit scale has no room at 0) and must lose nothing.
        foreach (string typed in new[] { "0", "0.", "0.0", "0.05" }) Assert.Null(editor.SetText(value, typed, out _));

        Assert.True(document.Validation.IsValid, string.Join("; ", document.Validation.Diagnostics));
        var uptake = document.Scenario!.Indications[1].Testing.Uptake;
        Assert.Equal(0.05, uptake.Value);
        Assert.Equal(Logit(0.30) + Logit(0.05) - Logit(0.45), Logit(uptake.Low!.Value), 9);
        Assert.Equal(Logit(0.60) + Logit(0.05) - Logit(0.45), Logit(uptake.High!.Value), 9);
        Assert.Empty(document.Validation.Warnings);
        // One undo step takes the whole run of typing back.
        document.Undo();
        Assert.Equal((0.45, 0.3, 0.6), (document.Scenario!.Indications[1].Testing.Uptake.Value!.Value,
            document.Scenario.Indications[1].Testing.Uptake.Low!.Value, document.Scenario.Indications[1].Testing.Uptake.High!.Value));
    }

    [Fact]
    public void ARampCanBeAddedShapedAndRemoved()
    {
        var document = ScenarioDocument.BaseCase();
        var node = Node(document, "indications[0].prevalence");
        var editor = new FieldEditor(document, node);
        editor.SetText(editor.Fields().Single(f => f.Key == "ramp"), "bass", out _);
        Assert.Equal(FunnelSim.Model.RampShape.Bass, document.Scenario!.Indications[0].Prevalence.Ramp!.Shape);
        Assert.Contains(editor.Fields(), f => f.Key == "ramp.years");
        editor.SetText(editor.Fields().Single(f => f.Key == "ramp"), "none", out _);
        Assert.Null(document.Scenario!.Indications[0].Prevalence.Ramp);
    }

    [Fact]
    public void StepsAreAddedRenamedMovedAndRemoved()
    {
        var document = ScenarioDocument.BaseCase();
        var list = Node(document, "indications[1].postDetectionSteps");
        string added = ListEditing.Add(document, list)!;
        Assert.Equal("indications[1].postDetectionSteps[2]", added);
        Assert.True(document.Validation.IsValid);

        var editor = new FieldEditor(document, Node(document, added));
        editor.SetText(editor.Fields().Single(f => f.Key == "id"), "biopsy-ok", out _);
        string moved = ListEditing.Move(document, Node(document, added), -1)!;
        Assert.Equal(["prescribed", "biopsy-ok", "payer-approved"], document.Scenario!.Indications[1].PostDetectionSteps.Select(s => s.Id));

        ListEditing.Remove(document, Node(document, moved));
        Assert.Equal(2, document.Scenario!.Indications[1].PostDetectionSteps.Length);
    }

    [Fact]
    public void AModalityWithAShareThatBreaksTheSumIsAnErrorAtTheModalityList()
    {
        var document = ScenarioDocument.BaseCase();
        var editor = new FieldEditor(document, Node(document, "indications[0].testing.modalities[0]"));
        editor.SetText(editor.Fields().Single(f => f.Key == "share"), "0.5", out _);
        Assert.False(document.Validation.IsValid);
        Assert.Contains(document.DiagnosticsAt("indications[0].testing.modalities"), d => d.IsError && d.Message.Contains("sum"));
    }

    [Fact]
    public void SavedScenariosReopenAsTheSameScenario()
    {
        using var temp = new CliHarness.TempFolder();
        var document = ScenarioDocument.BaseCase();
        var editor = new FieldEditor(document, Node(document, "indications[1].testing.uptake"));
        editor.SetText(editor.Fields().Single(f => f.Key == "value"), "55%", out _);
        string path = temp.File("what-if.json");

        Assert.Null(ScenarioFiles.Save(document, path));
        Assert.False(document.IsDirty);
        var (reopened, problems) = ScenarioFiles.Open(path);
        Assert.Empty(problems);
        Assert.Equal(0.55, reopened!.Scenario!.Indications[1].Testing.Uptake.Value);
        Assert.Equal(FunnelSim.Json.ScenarioWriter.Write(document.Scenario!), FunnelSim.Json.ScenarioWriter.Write(reopened.Scenario!));
        Assert.Equal(0, CliHarness.Run("validate", path).ExitCode);
    }

    [Fact]
    public void AFileThatFailsToLoadReturnsItsProblemsInsteadOfThrowing()
    {
        using var temp = new CliHarness.TempFolder();
        string broken = temp.File("broken.json");
        File.WriteAllText(broken, "{ \"schemaVersion\": 1,");
        var (document, problems) = ScenarioFiles.Open(broken);
        Assert.Null(document);
        Assert.Contains(problems, p => p.IsError && p.Line is not null);

        var (missing, why) = ScenarioFiles.Open(temp.File("nowhere.json"));
        Assert.Null(missing);
        Assert.Contains("cannot read", Assert.Single(why).Message);
    }

    [Fact]
    public void RecentFilesSurviveACorruptListAndKeepTheNewestFirst()
    {
        using var temp = new CliHarness.TempFolder();
        var recent = new FunnelSim.Files.RecentFiles(temp.File("cfg/recent.json"));
        Directory.CreateDirectory(temp.File("cfg"));
        File.WriteAllText(recent.StorePath, "{ not json");
        Assert.Empty(recent.Load());
        Assert.True(recent.Add(temp.File("a.json")));
        Assert.True(recent.Add(temp.File("b.json")));
        Assert.True(recent.Add(temp.File("a.json")));
        Assert.Equal([temp.File("a.json"), temp.File("b.json")], recent.Load());
    }
}
