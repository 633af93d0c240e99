using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// What the editor writes when the user turns the budget impact (or one of its optional parts) on: a costs block the
/// reader accepts for the scenario as it stands — a test cost for every modality id and a comparator for every
/// indication — with BIZENGRI's list price and placeholder amounts that say they are placeholders.
/// </summary>
internal static class BudgetDefaults
{
    private const string Placeholder = "placeholder written by the editor: replace with a sourced amount";

    /// <summary>A costs block for <paramref name="document"/>'s indications and modalities.</summary>
    public static JsonObject Costs(ScenarioDocument document)
    {
        var tests = new JsonObject();
        var comparators = new JsonObject();
        for (int i = 0; i < document.Count("indications"); i++)
        {
            string indication = $"indications[{i}]";
            if (document.Text($"{indication}.id") is { } id && !comparators.ContainsKey(id))
                comparators[id] = Comparator();
            for (int m = 0; m < document.Count($"{indication}.testing.modalities"); m++)
                if (document.Text($"{indication}.testing.modalities[{m}].id") is { } modality && !tests.ContainsKey(modality))
                    tests[modality] = new JsonObject { ["value"] = 3500, ["source"] = Placeholder };
        }
        return new JsonObject
        {
            ["currency"] = "USD",
            ["costYear"] = 2025,
            ["drugPerDose"] = new JsonObject
            {
                ["value"] = 24683,
                ["source"] = "CMS ASP Oct–Dec 2025: J9382 $32.910/mg × 750 mg (docs/evidence.md#costs)",
            },
            ["administrationPerInfusion"] = new JsonObject { ["value"] = 240, ["source"] = Placeholder },
            ["testPerModality"] = tests,
            ["comparators"] = comparators,
        };
    }

    /// <summary>An optional part of the costs at <paramref name="path"/> (monitoring or adverse events).</summary>
    public static JsonObject Part(string path) => path.EndsWith("monitoring", StringComparison.Ordinal)
        ? new JsonObject { ["costPerVisit"] = 190, ["everyMonths"] = 3, ["atStart"] = true }
        : new JsonObject { ["probability"] = 0.1, ["costPerEvent"] = 15000 };

    private static JsonObject Comparator() => new()
    {
        ["name"] = "Later-line therapy (placeholder)",
        ["drugPerMonth"] = new JsonObject { ["value"] = 5000, ["source"] = Placeholder },
        ["durationMonths"] = new JsonObject { ["distribution"] = "exponential", ["median"] = 4 },
    };
}
