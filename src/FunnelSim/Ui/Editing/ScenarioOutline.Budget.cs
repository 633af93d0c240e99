using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

// The plan's member mix under the population, and the costs of the budget impact.
public static partial class ScenarioOutline
{
    /// <summary>
    /// True for a parameter the format lets one leave out (a default applies): the administration costs, the annual
    /// price change, member-mix multipliers. Its editor offers an empty value, which removes it.
    /// </summary>
    public static bool IsOptionalParameter(string path) =>
        path.EndsWith(".administrationPerInfusion", StringComparison.Ordinal)
        || path.EndsWith(".administrationPerMonth", StringComparison.Ordinal)
        || path.EndsWith(".annualPriceChange", StringComparison.Ordinal)
        || path.EndsWith(".incidenceMultiplier", StringComparison.Ordinal)
        || path.Contains(".indicationMultipliers.", StringComparison.Ordinal);

    /// <summary>What a node without fields is for (shown in the editor).</summary>
    public static string Hint(OutlineNode node) => node.Path switch
    {
        "costs.testPerModality" => "The cost of one test, per modality id; every modality of every indication needs one.",
        "costs.comparators" => "Per indication, the later-line therapy its treated patients get in the world without BIZENGRI.",
        _ => "",
    };

    private static OutlineNode Population(ScenarioDocument document)
    {
        if (document.Find("population.memberMix") is not JsonObject mix) return Leaf("Population", "population", OutlineKind.Population);
        var ids = IndicationIds(document);
        var lines = FieldEditor.MemberLines.Where(mix.ContainsKey).Select(line =>
        {
            string path = $"population.memberMix.{line}";
            var children = new List<OutlineNode> { Optional(document, "Incidence multiplier", $"{path}.incidenceMultiplier", "1") };
            children.AddRange(ids.Select(id => Optional(document, $"{id.ToUpperInvariant()} multiplier", $"{path}.indicationMultipliers.{id}", "= line's")));
            return new OutlineNode($"{char.ToUpperInvariant(line[0])}{line[1..]} members", path, OutlineKind.MemberLine, children);
        }).ToList();
        return new OutlineNode("Population", "population", OutlineKind.Population, lines);
    }

    private static OutlineNode Costs(ScenarioDocument document)
    {
        if (document.Find("costs") is null) return Leaf("Costs (budget impact): none", "costs", OutlineKind.Costs);
        var modalities = new List<string>();
        for (int i = 0; i < document.Count("indications"); i++)
            for (int m = 0; m < document.Count($"indications[{i}].testing.modalities"); m++)
                if (document.Text($"indications[{i}].testing.modalities[{m}].id") is { } id && !modalities.Contains(id)) modalities.Add(id);
        // Ids only the costs name are listed too, so their "unknown modality" error has a node to show under.
        if (document.Find("costs.testPerModality") is JsonObject written)
            modalities.AddRange(written.Select(p => p.Key).Where(k => !modalities.Contains(k)));
        var indications = IndicationIds(document);
        if (document.Find("costs.comparators") is JsonObject comparators)
            indications.AddRange(comparators.Select(p => p.Key).Where(k => !indications.Contains(k)));

        return new OutlineNode("Costs (budget impact)", "costs", OutlineKind.Costs,
        [
            Leaf("Drug per dose (750 mg)", "costs.drugPerDose", OutlineKind.Parameter),
            Optional(document, "Administration per infusion", "costs.administrationPerInfusion", "0"),
            Part(document, "Monitoring", "costs.monitoring", [("Cost per visit", "costPerVisit")]),
            Part(document, "Adverse events", "costs.adverseEvents", [("Probability", "probability"), ("Cost per event", "costPerEvent")]),
            new OutlineNode("Tests (per modality)", "costs.testPerModality", OutlineKind.Group,
                [.. modalities.Select(id => Leaf(id, $"costs.testPerModality.{id}", OutlineKind.Parameter))]),
            new OutlineNode("Comparators", "costs.comparators", OutlineKind.Group, [.. indications.Select(id => Comparator(document, id))]),
            Optional(document, "Annual price change", "costs.annualPriceChange", "0"),
        ]);
    }

    private static OutlineNode Comparator(ScenarioDocument document, string id)
    {
        string path = $"costs.comparators.{id}";
        string label = document.Text($"{path}.name") is { } name ? $"{id.ToUpperInvariant()} — {name}" : id.ToUpperInvariant();
        string duration = $"{path}.durationMonths";
        var children = new List<OutlineNode>
        {
            Leaf("Drug per month", $"{path}.drugPerMonth", OutlineKind.Parameter),
            Optional(document, "Administration per month", $"{path}.administrationPerMonth", "0"),
            Leaf("Median duration (months)", $"{duration}.median", OutlineKind.Parameter),
        };
        if (document.Find($"{duration}.shape") is not null) children.Add(Leaf("Weibull shape", $"{duration}.shape", OutlineKind.Parameter));
        if (document.Find($"{duration}.sdLog") is not null) children.Add(Leaf("Log-normal sdLog", $"{duration}.sdLog", OutlineKind.Parameter));
        children.Add(Part(document, "Adverse events", $"{path}.adverseEvents", [("Probability", "probability"), ("Cost per event", "costPerEvent")]));
        return new OutlineNode(label, path, OutlineKind.Comparator, children);
    }

    /// <summary>An optional part (monitoring, adverse events): its parameters when included, "(none)" when not.</summary>
    private static OutlineNode Part(ScenarioDocument document, string label, string path, (string Label, string Name)[] parameters) =>
        document.Find(path) is null
            ? Leaf($"{label} (none)", path, OutlineKind.CostGroup)
            : new OutlineNode(label, path, OutlineKind.CostGroup, [.. parameters.Select(p => Leaf(p.Label, $"{path}.{p.Name}", OutlineKind.Parameter))]);

    /// <summary>An optional parameter's leaf, saying what applies while it is not written.</summary>
    private static OutlineNode Optional(ScenarioDocument document, string label, string path, string fallback) =>
        Leaf(document.Find(path) is null ? $"{label} ({fallback})" : label, path, OutlineKind.Parameter);

    private static List<string> IndicationIds(ScenarioDocument document) =>
        [.. Enumerable.Range(0, document.Count("indications")).Select(i => document.Text($"indications[{i}].id")).OfType<string>()];
}
