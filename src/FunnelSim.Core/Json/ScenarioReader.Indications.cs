using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Indications and their funnel steps.
public static partial class ScenarioReader
{
    private static readonly string[] IndicationProperties =
    [
        "id", "name", "description", "incidence", "annualGrowth", "preTestSteps", "prevalence", "testing",
        "postDetectionSteps", "treatment",
    ];
    private static readonly string[] StepProperties = ["id", "name", "description", "probability"];
    private const int MaxIndications = 20;
    private const int MaxSteps = 20;
    private const double PrevalenceWarning = 0.01;
    private const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";

    // \z rather than $: $ would also accept an id ending in a newline.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z")]
    private static partial Regex IdRegex();

    private static ImmutableArray<Indication>? ReadIndications(ReadContext c, JsonElement e, string path)
    {
        if (ReadArray(c, e, path, 1, MaxIndications, "indications") is not { } items) return null;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var indications = items.Select(item => ReadIndication(c, item.Element, item.Path, ids)).ToList();
        return indications.Contains(null) ? null : [.. indications.Select(i => i!)];
    }

    private static Indication? ReadIndication(ReadContext c, JsonElement e, string path, Dictionary<string, string> ids)
    {
        if (OpenObject(c, e, path, IndicationProperties) is not { } set) return null;
        string? id = ReadId(c, set, "indication", ids);
        if (id == ReservedNames.TotalIndication)
        {
            c.Error(set.PathOf("id"), $"'{ReservedNames.TotalIndication}' is reserved for the sum over indications in results");
            id = null;
        }
        string? name = OptionalString(c, set, "name");
        string? description = OptionalString(c, set, "description");
        var incidence = RequiredParameter(c, set, "incidence", ParameterSpec.Incidence);
        var growth = set.Optional("annualGrowth") is { } g
            ? ReadParameter(c, g, set.PathOf("annualGrowth"), ParameterSpec.AnnualGrowth)
            : Parameter.Fixed(0);
        var stepIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var preTest = ReadSteps(c, set, "preTestSteps", stepIds);
        var prevalence = RequiredParameter(c, set, "prevalence", ParameterSpec.Probability);
        if (prevalence is { Mean: >= PrevalenceWarning })
            c.Warning(set.PathOf("prevalence"),
                $"mean {InvariantFormat.Number(prevalence.Mean)} is 1% or more: NRG1 fusions are reported in under 1% of patients");
        var testing = set.Required("testing") is { } t ? ReadTesting(c, t, set.PathOf("testing")) : null;
        var postDetection = ReadSteps(c, set, "postDetectionSteps", stepIds);
        var treatment = set.Required("treatment") is { } tr ? ReadTreatment(c, tr, set.PathOf("treatment")) : null;

        if (id is null || incidence is null || growth is null || preTest is null || prevalence is null || testing is null
            || postDetection is null || treatment is null)
            return null;
        return new Indication(id, name, description, incidence, growth, preTest.Value, prevalence, testing, postDetection.Value, treatment);
    }

    private static ImmutableArray<Step>? ReadSteps(ReadContext c, PropertySet indication, string name, Dictionary<string, string> ids)
    {
        if (indication.Optional(name) is not { } e) return [];
        if (ReadArray(c, e, indication.PathOf(name), 0, MaxSteps, "steps") is not { } items) return null;
        var steps = items.Select(item => ReadStep(c, item.Element, item.Path, ids)).ToList();
        return steps.Contains(null) ? null : [.. steps.Select(s => s!)];
    }

    private static Step? ReadStep(ReadContext c, JsonElement e, string path, Dictionary<string, string> ids)
    {
        if (OpenObject(c, e, path, StepProperties) is not { } set) return null;
        string? id = ReadId(c, set, "step", ids);
        if (id is not null && Model.MetricNames.Reserved.Contains(id))
        {
            c.Error(set.PathOf("id"),
                $"'{id}' is a metric name; step ids must differ from: {string.Join(", ", Model.MetricNames.Funnel.Concat(Model.MetricNames.ReservedCostMetrics))}");
            id = null;
        }
        string? name = OptionalString(c, set, "name");
        string? description = OptionalString(c, set, "description");
        var probability = RequiredParameter(c, set, "probability", ParameterSpec.Probability);
        return id is null || probability is null ? null : new Step(id, name, description, probability);
    }

    /// <summary>A required id that follows the id pattern and is not yet in <paramref name="seen"/> (id → path).</summary>
    private static string? ReadId(ReadContext c, PropertySet set, string what, Dictionary<string, string> seen)
    {
        string path = set.PathOf("id");
        if (set.Required("id") is not { } e || ReadString(c, e, path) is not { } id) return null;
        if (!IdRegex().IsMatch(id))
        {
            c.Error(path, $"must match {IdPattern} (a letter or digit, then up to 63 letters, digits, '_' or '-'); got '{id}'");
            return null;
        }
        if (seen.TryGetValue(id, out string? first))
        {
            c.Error(path, $"duplicate {what} id '{id}' (already used at {first})");
            return null;
        }
        seen[id] = path;
        return id;
    }
}
