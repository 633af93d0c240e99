using System.Globalization;
using System.Text.Json.Nodes;
using FunnelSim.Model;

namespace FunnelSim.Ui.Editing;

// The scenario settings (horizon, iterations, seed, sampling design) and the rank correlations between inputs.
public sealed partial class FieldEditor
{
    /// <summary>The sampling designs of <c>simulation.sampling</c>.</summary>
    public static readonly IReadOnlyList<string> SamplingDesigns = ["monte-carlo", "latin-hypercube"];

    /// <summary>What <c>simulation.correlationRepair</c> allows.</summary>
    public static readonly IReadOnlyList<string> CorrelationRepairs = ["none", "nearest"];

    private static IReadOnlyList<EditorField> SettingsFields()
    {
        var fields = new List<EditorField>
        {
            new("name", "Name", "name", FieldKind.Text, Optional: true),
            new("startYear", "Start year", "startYear", FieldKind.Integer),
            new("years", "Years (horizon)", "years", FieldKind.Integer),
            new("iterations", "Iterations", "simulation.iterations", FieldKind.Integer),
            new("seed", "Seed", "simulation.seed", FieldKind.Integer),
            new("sampling", "Sampling", "simulation.sampling", FieldKind.Choice, Choices: SamplingDesigns, Default: "monte-carlo"),
            new("correlationRepair", "Correlation repair", "simulation.correlationRepair", FieldKind.Choice,
                Choices: CorrelationRepairs, Default: "none"),
            // Latin hypercube only: how many independent hypercubes the iterations are split into (their spread gives the MCSE).
            new("lhsReplicates", "LHS replicates", "simulation.lhsReplicates", FieldKind.Integer, Optional: true,
                Default: SimulationSettings.DefaultLhsReplicates.ToString(CultureInfo.InvariantCulture)),
        };
        return fields;
    }

    private IReadOnlyList<EditorField> CorrelationFields()
    {
        var inputs = ScenarioOutline.CorrelatableInputs(document).ToList();
        foreach (string? written in new[] { document.Text($"{node.Path}.a"), document.Text($"{node.Path}.b") })
            if (written is not null && !inputs.Contains(written)) inputs.Add(written);
        var shown = inputs.Select(p => ScenarioOutline.ShortPath(document, p)).ToList();
        return
        [
            new("a", "Input A", $"{node.Path}.a", FieldKind.Choice, Choices: shown, Values: inputs),
            new("b", "Input B", $"{node.Path}.b", FieldKind.Choice, Choices: shown, Values: inputs),
            new("rho", "Rank correlation ρ", $"{node.Path}.rho", FieldKind.Number),
        ];
    }

    /// <summary>
    /// A new correlation for <see cref="ListEditing.Add"/>: the first two uncertain inputs not yet paired, at ρ 0 (no
    /// effect until the analyst sets it); null when the scenario has fewer than two uncertain inputs.
    /// </summary>
    internal static JsonObject? NewCorrelation(ScenarioDocument document)
    {
        var inputs = ScenarioOutline.CorrelatableInputs(document);
        var taken = Enumerable.Range(0, document.Count("correlations"))
            .Select(i => (document.Text($"correlations[{i}].a"), document.Text($"correlations[{i}].b")))
            .SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToHashSet();
        for (int i = 0; i < inputs.Count; i++)
            for (int j = i + 1; j < inputs.Count; j++)
                if (!taken.Contains((inputs[i], inputs[j])))
                    return new JsonObject { ["a"] = inputs[i], ["b"] = inputs[j], ["rho"] = 0 };
        return null;
    }
}
