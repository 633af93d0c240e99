using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Formatting;

namespace FunnelSim.Ui.Editing;

// The rank correlations between uncertain inputs (the top-level "correlations" array).
public static partial class ScenarioOutline
{
    /// <summary>The correlations node: one child per pair, labelled with both inputs and ρ.</summary>
    private static OutlineNode Correlations(ScenarioDocument document)
    {
        int count = document.Count("correlations");
        var pairs = Enumerable.Range(0, count).Select(i =>
        {
            string path = JsonNodePath.Item("correlations", i);
            string rho = document.Find($"{path}.rho") is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? HumanNumber.Fixed(NumberText.Of(v), 2, signed: true).Trim()
                : "?";
            // ρ first: a long pair of names is cut at the outline's edge, the correlation never.
            return Leaf($"ρ {rho} {ShortPath(document, document.Text($"{path}.a"))} ~ {ShortPath(document, document.Text($"{path}.b"))}",
                path, OutlineKind.Correlation);
        }).ToList();
        string label = count == 0 ? "Correlations (none)" : $"Correlations ({count} pair{(count == 1 ? "" : "s")})";
        return new OutlineNode(label, "correlations", OutlineKind.CorrelationList, pairs);
    }

    /// <summary>
    /// Every input a correlation may name, in outline order: each parameter (a step's probability included) that is
    /// uncertain — written with a range or a distribution, not as a plain number — and each uncertain ramp target.
    /// </summary>
    public static IReadOnlyList<string> CorrelatableInputs(ScenarioDocument document)
    {
        var inputs = new List<string>();
        foreach (var node in Build(document).SelectMany(n => n.SelfAndDescendants()))
        {
            string? path = node.Kind switch
            {
                OutlineKind.Parameter => node.Path,
                OutlineKind.Step => $"{node.Path}.probability",
                _ => null,
            };
            if (path is null || document.Find(path) is not JsonObject parameter) continue;
            if (parameter.ContainsKey("distribution") || parameter.ContainsKey("low") || parameter.ContainsKey("high")) inputs.Add(path);
            if (parameter["ramp"] is JsonObject ramp && ramp["to"] is JsonObject) inputs.Add($"{path}.ramp.to");
        }
        return inputs;
    }

    private static readonly HashSet<string> Structure = new(StringComparer.Ordinal)
    {
        "indications", "testing", "preTestSteps", "postDetectionSteps", "modalities", "probability", "treatment", "costs",
        "population", "memberMix", "ramp",
    };

    /// <summary>
    /// An input's path as a short name: <c>indications[1].testing.uptake</c> is <c>pdac uptake</c>, a step's or a
    /// modality's probability is named by its id (<c>pdac prescribed</c>, <c>nsclc rna-ngs sensitivity</c>), a ramp's
    /// target is <c>… ramp target</c>.
    /// </summary>
    public static string ShortPath(ScenarioDocument document, string? path)
    {
        if (string.IsNullOrEmpty(path)) return "?";
        var words = new List<string>();
        string at = "";
        foreach (object segment in JsonNodePath.Parse(path))
        {
            if (segment is int i)
            {
                at = JsonNodePath.Item(at, i);
                words.Add(document.Text($"{at}.id") ?? $"{i + 1}");
                continue;
            }
            string name = (string)segment;
            at = JsonNodePath.Child(at, name);
            if (Structure.Contains(name)) continue;
            words.Add(name switch
            {
                "to" => "ramp target",
                "durationMonths" => "duration",
                "indicationMultipliers" => "×",
                "incidenceMultiplier" => "incidence ×",
                _ => name,
            });
        }
        return words.Count == 0 ? path : string.Join(" ", words);
    }
}
