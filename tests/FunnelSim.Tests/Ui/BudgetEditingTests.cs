using System.Text.Json.Nodes;
using FunnelSim.Model;
using FunnelSim.Ui.Editing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>The costs and the plan's member mix in the outline and the field editor, like every other parameter.</summary>
public class BudgetEditingTests
{
    private static ScenarioDocument Payer()
    {
        string path = CliHarness.Scenario("payer-commercial-1m.json");
        return ScenarioDocument.FromJson(File.ReadAllText(path), path)!;
    }

    private static OutlineNode Node(ScenarioDocument d, string path) =>
        ScenarioOutline.Build(d).SelectMany(n => n.SelfAndDescendants()).Single(n => n.Path == path);

    private static string Write(ScenarioDocument document, string nodePath, string key, string text, out bool reshaped)
    {
        var editor = new FieldEditor(document, Node(document, nodePath));
        string? problem = editor.SetText(editor.Fields().Single(f => f.Key == key), text, out reshaped);
        Assert.Null(problem);
        return string.Join("; ", document.Validation.Diagnostics);
    }

    [Fact]
    public void TheOutlineListsEveryCostAndTheMemberMix()
    {
        var document = Payer();
        var outline = ScenarioOutline.Build(document);
        var costs = outline[^1];

        Assert.Equal("costs", costs.Path);
        Assert.Equal(["Drug per dose (750 mg)", "Administration per infusion", "Monitoring", "Adverse events", "Tests (per modality)", "Comparators", "Annual price change"],
            costs.Children.Select(c => c.Label));
        Assert.Equal(["costs.testPerModality.dna-ngs", "costs.testPerModality.rna-ngs", "costs.testPerModality.liquid"],
            costs.Children[4].Children.Select(c => c.Path));
        var pdac = Node(document, "costs.comparators.pdac");
        Assert.StartsWith("PDAC — Liposomal irinotecan", pdac.Label);
        Assert.Equal(["Drug per month", "Administration per month", "Median duration (months)", "Weibull shape", "Adverse events"], pdac.Children.Select(c => c.Label));
        Assert.Equal(["Cost per visit"], Node(document, "costs.monitoring").Children.Select(c => c.Label));

        var commercial = Assert.Single(outline[1].Children);
        Assert.Equal("population.memberMix.commercial", commercial.Path);
        Assert.Equal(["Incidence multiplier (1)", "NSCLC multiplier", "PDAC multiplier", "CCA multiplier"], commercial.Children.Select(c => c.Label));
        // Every node's path is one the reader knows: editing it reaches the scenario.
        foreach (var leaf in costs.SelfAndDescendants().Where(n => n.Kind == OutlineKind.Parameter && !n.Label.EndsWith(')')))
            Assert.NotNull(document.Find(leaf.Path));
    }

    [Fact]
    public void TheDrugPriceIsEditedLikeAnyParameterAndTheReaderJudgesIt()
    {
        var document = Payer();
        var editor = new FieldEditor(document, Node(document, "costs.drugPerDose"));
        // The price is a PERT between the ASP floor and a commercial mark-up (docs/evidence.md#costs).
        Assert.Equal(["shape", "min", "mode", "max", "source"], editor.Fields().Select(f => f.Key));

        editor.SetText(editor.Fields().Single(f => f.Key == "mode"), "40000", out _);
        var error = Assert.Single(document.Validation.Errors);
        Assert.Equal("costs.drugPerDose.mode", error.Path);
        Assert.Contains("must lie between min (23285) and max (35000)", error.Message);

        editor.SetText(editor.Fields().Single(f => f.Key == "mode"), "30000", out _);
        Assert.Equal((23285 + 4 * 30000 + 35000) / 6.0, document.Scenario!.Costs!.DrugPerDose.Mean, 9);
    }

    [Fact]
    public void BudgetImpactCanBeTurnedOffAndOnAgainForTheScenariosIndicationsAndModalities()
    {
        var document = ScenarioDocument.BaseCase();
        Assert.NotNull(document.Scenario!.Costs);

        Write(document, "costs", "costs", "none", out bool reshaped);
        Assert.True(reshaped);
        Assert.Null(document.Scenario!.Costs);
        Assert.Equal("Costs (budget impact): none", ScenarioOutline.Build(document)[^1].Label);
        Assert.Equal(["costs"], new FieldEditor(document, Node(document, "costs")).Fields().Select(f => f.Key));

        string problems = Write(document, "costs", "costs", "on", out _);
        var costs = document.Scenario?.Costs;
        Assert.True(costs is not null, problems);
        Assert.Equal(["nsclc", "pdac", "cca"], costs.Comparators.Select(c => c.IndicationId));
        Assert.Equal(document.Scenario!.Indications.SelectMany(i => i.Testing.Modalities.Select(m => m.Id)).Distinct().Order(),
            costs.TestPerModality.Select(t => t.ModalityId).Order());
        Assert.Equal(24683, costs.DrugPerDose.Mean);
        Assert.Equal(["costs", "currency", "costYear", "budgetThreshold", "discountRate"], new FieldEditor(document, Node(document, "costs")).Fields().Select(f => f.Key));
    }

    [Fact]
    public void TheThresholdAndTheOptionalPartsAreEditable()
    {
        var document = Payer();
        Write(document, "costs", "budgetThreshold", "250,000", out _);
        Assert.Equal(250_000, document.Scenario!.Costs!.BudgetThreshold);

        Write(document, "costs.monitoring", "atStart", "false", out _);
        Assert.False(document.Scenario!.Costs!.Monitoring.AtStart);
        Assert.Equal(JsonValue.Create(false).ToJsonString(), document.Find("costs.monitoring.atStart")!.ToJsonString());

        Write(document, "costs.adverseEvents", "included", "no", out bool reshaped);
        Assert.True(reshaped);
        Assert.Equal(AdverseEventCosts.None, document.Scenario!.Costs!.AdverseEvents);
        Assert.Equal("Adverse events (none)", Node(document, "costs.adverseEvents").Label);
        Write(document, "costs.adverseEvents", "included", "yes", out _);
        Assert.Equal(15000, document.Scenario!.Costs!.AdverseEvents.CostPerEvent.Mean);

        // An optional amount: as a fixed number, emptied, it is removed and the format's default (0) applies.
        Write(document, "costs.administrationPerInfusion", "shape", "fixed number", out _);
        Write(document, "costs.administrationPerInfusion", "value", "", out _);
        Assert.Null(document.Find("costs.administrationPerInfusion"));
        Assert.Equal(0, document.Scenario!.Costs!.AdministrationPerInfusion.Mean);
        Assert.Equal("Administration per infusion (0)", Node(document, "costs.administrationPerInfusion").Label);
    }

    [Fact]
    public void AComparatorsDurationFamilyChangesLikeTreatments()
    {
        var document = Payer();
        string problems = Write(document, "costs.comparators.cca", "distribution", "lognormal", out bool reshaped);
        Assert.True(reshaped);
        Assert.True(document.Validation.IsValid, problems);
        Assert.Equal(["Drug per month", "Administration per month", "Median duration (months)", "Log-normal sdLog", "Adverse events"],
            Node(document, "costs.comparators.cca").Children.Select(c => c.Label));
    }

    [Fact]
    public void APlanSwitchesBetweenRiskAdjustmentAndAMemberMixWhoseLinesComeAndGoWithTheirShares()
    {
        var document = Payer();
        var fields = new FieldEditor(document, Node(document, "population")).Fields().Select(f => f.Key);
        Assert.Equal(["population", "members", "referencePopulation", "adjustment", "share.commercial", "share.medicare", "share.medicaid"], fields);

        // A Medicare line: typing its share adds it (invalid until the shares sum to 1, as the reader says).
        Write(document, "population", "share.medicare", "0.2", out _);
        Assert.Contains(document.Validation.Errors, d => d.Path == "population.memberMix" && d.Message.Contains("sum to 1", StringComparison.Ordinal));
        Assert.Contains(ScenarioOutline.Build(document)[1].Children, n => n.Path == "population.memberMix.medicare");
        string problems = Write(document, "population", "share.commercial", "0.8", out _);
        var plan = Assert.IsType<PlanPopulation>(document.Scenario?.Population ?? throw new Xunit.Sdk.XunitException(problems));
        Assert.Equal(["commercial", "medicare"], plan.MemberMix.Select(g => g.Line));

        Write(document, "population.memberMix.medicare.indicationMultipliers.pdac", "value", "3.5", out _);
        Assert.Equal(3.5, ((PlanPopulation)document.Scenario!.Population).MemberMix[1].MultiplierFor("pdac").Mean);

        // An emptied share removes its line.
        Write(document, "population", "share.medicare", "", out _);
        Assert.Null(document.Find("population.memberMix.medicare"));

        Write(document, "population", "adjustment", "risk adjustment", out bool reshaped);
        Assert.True(reshaped);
        Assert.Equal(["population", "members", "referencePopulation", "adjustment", "riskAdjustment"],
            new FieldEditor(document, Node(document, "population")).Fields().Select(f => f.Key));
        plan = Assert.IsType<PlanPopulation>(document.Scenario!.Population);
        Assert.Empty(plan.MemberMix);
        Assert.Equal(1, plan.RiskAdjustment);
        Assert.Empty(ScenarioOutline.Build(document)[1].Children);
    }

    [Fact]
    public void TypingIntoAFieldWhoseEditRebuildsTheOutlineKeepsTheFocusThere()
    {
        using var ui = new UiHarness(120, 40, Payer());
        var page = ui.EditAt("population");
        var medicare = Assert.IsType<TextField>(page.Editor.InputOf("share.medicare"));
        medicare.SetFocus();

        ui.App.InjectKey(Key.D0);     // adds the Medicare line: the outline is rebuilt
        ui.App.InjectKey(new Key('.'));
        ui.App.InjectKey(Key.D3);

        Assert.True(medicare.HasFocus);
        Assert.Equal("0.3", medicare.Text);
        Assert.Equal(0.3, document(ui).Find("population.memberMix.medicare.share")!.GetValue<double>());
        Assert.Equal("plan", document(ui).Text("population.scale"));

        static ScenarioDocument document(UiHarness ui) => ui.Workbench.Document;
    }
}
