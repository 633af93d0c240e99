using FunnelSim.Formatting;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Editing;

/// <summary>Builds the outline of a scenario document: settings, population, each indication's funnel in order, and the costs.</summary>
public static partial class ScenarioOutline
{
    /// <summary>The top-level nodes.</summary>
    public static IReadOnlyList<OutlineNode> Build(ScenarioDocument document)
    {
        var roots = new List<OutlineNode>
        {
            // The correlations sit under the settings (with the sampling design): collapsed, they change no key path.
            new OutlineNode("Scenario settings", "", OutlineKind.Settings, [Correlations(document)]),
            Population(document),
        };
        for (int i = 0; i < document.Count("indications"); i++) roots.Add(Indication(document, $"indications[{i}]"));
        roots.Add(Costs(document));
        return roots;
    }

    private static OutlineNode Indication(ScenarioDocument document, string path)
    {
        string label = document.Text($"{path}.id") ?? "?";
        if (document.Text($"{path}.name") is { } name) label = $"{label.ToUpperInvariant()} — {name}";
        string testing = $"{path}.testing";
        string treatment = $"{path}.treatment";
        string duration = $"{treatment}.durationMonths";
        var durationChildren = new List<OutlineNode> { Leaf("Median duration (months)", $"{duration}.median", OutlineKind.Parameter) };
        if (document.Find($"{duration}.shape") is not null) durationChildren.Add(Leaf("Weibull shape", $"{duration}.shape", OutlineKind.Parameter));
        if (document.Find($"{duration}.sdLog") is not null) durationChildren.Add(Leaf("Log-normal sdLog", $"{duration}.sdLog", OutlineKind.Parameter));

        return new OutlineNode(label, path, OutlineKind.Indication,
        [
            Leaf("Incidence", $"{path}.incidence", OutlineKind.Parameter),
            Leaf("Annual growth", $"{path}.annualGrowth", OutlineKind.Parameter),
            Steps(document, "Pre-test steps", $"{path}.preTestSteps"),
            Leaf("Prevalence (NRG1+)", $"{path}.prevalence", OutlineKind.Parameter),
            new OutlineNode("Testing", testing, OutlineKind.Testing,
            [
                Leaf("Uptake", $"{testing}.uptake", OutlineKind.Parameter),
                Modalities(document, $"{testing}.modalities"),
            ]),
            Steps(document, "Post-detection steps", $"{path}.postDetectionSteps"),
            new OutlineNode("Treatment", treatment, OutlineKind.Treatment, durationChildren),
        ]);
    }

    private static OutlineNode Steps(ScenarioDocument document, string label, string path)
    {
        var steps = Enumerable.Range(0, document.Count(path))
            .Select(i => Leaf(ItemLabel(document, JsonNodePath.Item(path, i)), JsonNodePath.Item(path, i), OutlineKind.Step))
            .ToList();
        return new OutlineNode(label, path, OutlineKind.StepList, steps);
    }

    private static OutlineNode Modalities(ScenarioDocument document, string path)
    {
        var modalities = Enumerable.Range(0, document.Count(path)).Select(i =>
        {
            string item = JsonNodePath.Item(path, i);
            string share = document.Find($"{item}.share") is { } s && s.GetValueKind() == System.Text.Json.JsonValueKind.Number
                ? $" ({HumanNumber.Percent(NumberText.Of(s))})"
                : "";
            return new OutlineNode(ItemLabel(document, item) + share, item, OutlineKind.Modality,
            [
                Leaf("Sensitivity", $"{item}.sensitivity", OutlineKind.Parameter),
                Leaf("Specificity", $"{item}.specificity", OutlineKind.Parameter),
            ]);
        }).ToList();
        return new OutlineNode("Modalities", path, OutlineKind.ModalityList, modalities);
    }

    private static string ItemLabel(ScenarioDocument document, string path) =>
        document.Text($"{path}.id") ?? "(no id)";

    private static OutlineNode Leaf(string label, string path, OutlineKind kind) => new(label, path, kind, []);
}
