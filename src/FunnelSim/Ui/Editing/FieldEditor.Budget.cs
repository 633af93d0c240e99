using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

// The budget impact's fields: the costs block and its optional parts, the comparators, and the plan's member mix.
public sealed partial class FieldEditor
{
    /// <summary>Lines of business a member mix may have (docs/scenario-format.md, "population").</summary>
    public static readonly IReadOnlyList<string> MemberLines = ["commercial", "medicare", "medicaid"];

    private const string RiskAdjustment = "risk adjustment";
    private const string MemberMix = "member mix";

    private IReadOnlyList<EditorField> BudgetFields() => node.Kind switch
    {
        OutlineKind.Costs when document.Find("costs") is null =>
        [
            new("costs", "Budget impact", "costs", FieldKind.Choice, Choices: ["none", "on"]),
        ],
        OutlineKind.Costs =>
        [
            new("costs", "Budget impact", "costs", FieldKind.Choice, Choices: ["none", "on"]),
            new("currency", "Currency", "costs.currency", FieldKind.Text, Optional: true),
            new("costYear", "Cost year (prices)", "costs.costYear", FieldKind.Integer),
            new("budgetThreshold", "Budget threshold/yr", "costs.budgetThreshold", FieldKind.Number, Optional: true),
            new("discountRate", "Discount rate", "costs.discountRate", FieldKind.Number, Optional: true),
        ],
        OutlineKind.CostGroup => CostGroupFields(),
        OutlineKind.Comparator =>
        [
            new("name", "Name", $"{node.Path}.name", FieldKind.Text, Optional: true),
            new("distribution", "Duration family", $"{node.Path}.durationMonths.distribution", FieldKind.Choice,
                Choices: ["exponential", "weibull", "lognormal"]),
        ],
        OutlineKind.MemberLine => [new("share", "Share of members", $"{node.Path}.share", FieldKind.Number)],
        _ => [],
    };

    private IReadOnlyList<EditorField> CostGroupFields()
    {
        var fields = new List<EditorField> { new("included", "Included", node.Path, FieldKind.Choice, Choices: ["no", "yes"]) };
        if (document.Find(node.Path) is not null && node.Path == "costs.monitoring")
        {
            fields.Add(new("everyMonths", "Every (months)", $"{node.Path}.everyMonths", FieldKind.Number));
            fields.Add(new("atStart", "Visit at start", $"{node.Path}.atStart", FieldKind.Choice, Choices: ["true", "false"]));
        }
        return fields;
    }

    /// <summary>A plan's incidence adjustment: one risk-adjustment factor, or a member mix by line of business.</summary>
    private IEnumerable<EditorField> AdjustmentFields()
    {
        yield return new("adjustment", "Incidence scaling", "population", FieldKind.Choice, Choices: [RiskAdjustment, MemberMix]);
        if (document.Find("population.memberMix") is null)
        {
            yield return new("riskAdjustment", "Risk adjustment", "population.riskAdjustment", FieldKind.Number, Optional: true);
            yield break;
        }
        foreach (string line in MemberLines)
            yield return new($"share.{line}", $"{Capitalize(line)} share", $"population.memberMix.{line}.share", FieldKind.Number, Optional: true);
    }

    /// <summary>An optional parameter (a default applies without it): an empty value removes it.</summary>
    private IReadOnlyList<EditorField> OptionalValue(IReadOnlyList<EditorField> fields) =>
        ScenarioOutline.IsOptionalParameter(node.Path)
            ? [.. fields.Select(f => f.Key == "value" && f.Path == node.Path ? f with { Optional = true } : f)]
            : fields;

    /// <summary>The text of a budget field that is not simply the JSON value at its path; null for the others.</summary>
    private string? BudgetText(EditorField field) => field.Key switch
    {
        "costs" => document.Find("costs") is null ? "none" : "on",
        "included" => document.Find(field.Path) is null ? "no" : "yes",
        "adjustment" => document.Find("population.memberMix") is null ? RiskAdjustment : MemberMix,
        "atStart" => document.Find(field.Path) is JsonValue v && v.TryGetValue(out bool atStart) && !atStart ? "false" : "true",
        _ => null,
    };

    /// <summary>Writes a budget field that needs more than a plain value; false for the others (written as usual).</summary>
    private bool TrySetBudget(EditorField field, string text, out bool reshaped, out string? problem)
    {
        reshaped = false;
        problem = null;
        switch (field.Key)
        {
            case "costs":
                reshaped = true;
                Reshape("costs", () => document.Set("costs", text == "on" ? BudgetDefaults.Costs(document) : null, structural: true));
                return true;
            case "included":
                reshaped = true;
                Reshape(field.Path, () => document.Set(field.Path, text == "yes" ? BudgetDefaults.Part(field.Path) : null, structural: true));
                return true;
            case "adjustment":
                reshaped = true;
                Reshape("population", () => document.Edit("population", root =>
                {
                    if (root["population"] is not JsonObject population) return;
                    population.Remove(text == MemberMix ? "riskAdjustment" : "memberMix");
                    if (text == MemberMix) population["memberMix"] = new JsonObject { ["commercial"] = new JsonObject { ["share"] = 1 } };
                    else population["riskAdjustment"] = 1;
                }));
                return true;
            case "atStart":
                document.Set(field.Path, JsonValue.Create(text != "false"));
                return true;
            case { } key when key.StartsWith("share.", StringComparison.Ordinal):
                string line = field.Path[..^".share".Length];
                if (text.Trim().Length == 0)
                {
                    // No share: the line of business is gone (with its multipliers; Ctrl+Z brings them back).
                    document.Set(line, null, structural: true);
                    return true;
                }
                if (!NumberText.TryParse(text, out double share))
                {
                    problem = $"'{text.Trim()}' is not a number";
                    document.SetUnreadable(field.Path, text.Trim(), problem);
                    return true;
                }
                if (document.Find(line) is null) document.Set(line, new JsonObject { ["share"] = share }, structural: true);
                else document.Set(field.Path, JsonValue.Create(share));
                return true;
            default:
                return false;
        }
    }

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
