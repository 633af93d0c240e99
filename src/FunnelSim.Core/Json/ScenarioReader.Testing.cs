using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Testing, modalities and treatment.
public static partial class ScenarioReader
{
    private static readonly string[] TestingProperties = ["uptake", "uptakeWithoutBizengri", "uptakeRatioFusionPositive", "modalities"];
    private static readonly string[] ModalityProperties = ["id", "name", "description", "share", "sensitivity", "specificity", "reflex"];
    private static readonly string[] ReflexProperties = ["modality", "probability"];
    private static readonly string[] TreatmentProperties = ["durationMonths", "doseIntervalDays"];
    private static readonly NumberRange Shares = new(0, 1, Meaning: "share of tested patients");
    private static readonly NumberRange DoseIntervals = new(1, 365, Meaning: "days");
    private const int MaxModalities = 10;
    private const double ShareTolerance = 1e-6;

    private static Testing? ReadTesting(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, TestingProperties) is not { } set) return null;
        var uptake = RequiredParameter(c, set, "uptake", ParameterSpec.Probability);
        var without = set.Optional("uptakeWithoutBizengri") is { } w
            ? ReadParameter(c, w, set.PathOf("uptakeWithoutBizengri"), ParameterSpec.Probability)
            : null;
        var ratio = set.Optional("uptakeRatioFusionPositive") is { } r
            ? ReadParameter(c, r, set.PathOf("uptakeRatioFusionPositive"), ParameterSpec.UptakeRatio)
            : null;
        var modalities = set.Required("modalities") is { } m ? ReadModalities(c, m, set.PathOf("modalities")) : null;
        if (uptake is null || modalities is null || set.Has("uptakeWithoutBizengri") && without is null
            || set.Has("uptakeRatioFusionPositive") && ratio is null)
            return null;
        return new Testing(uptake, modalities.Value) { UptakeWithoutBizengri = without, UptakeRatioFusionPositive = ratio };
    }

    private static ImmutableArray<Modality>? ReadModalities(ReadContext c, JsonElement e, string path)
    {
        if (ReadArray(c, e, path, 1, MaxModalities, "modalities") is not { } items) return null;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        // Shares are collected apart from the modalities so that their sum is checked even when a modality
        // has some other error.
        var shares = new List<double?>();
        var modalities = items.Select(item => ReadModality(c, item.Element, item.Path, ids, shares)).ToList();
        bool sharesOk = !shares.Contains(null) && shares.Count == modalities.Count;
        double sum = shares.Sum() ?? 0;
        if (sharesOk && Math.Abs(sum - 1) > ShareTolerance)
        {
            // Rounded in the message only: 0.6 + 0.3 is 0.8999999999999999 in binary, which would distract.
            c.Error(path, $"the modalities' shares must sum to 1 (±1e-6); they sum to {InvariantFormat.Number(Math.Round(sum, 9))}");
            return null;
        }
        if (modalities.Contains(null)) return null;
        return CheckReflexes(c, path, modalities!) ? [.. modalities.Select(m => m!)] : null;
    }

    /// <summary>
    /// Each reflex names another modality of the same indication, one that has no reflex of its own (one level: this also
    /// rules out cycles).
    /// </summary>
    private static bool CheckReflexes(ReadContext c, string path, IReadOnlyList<Modality?> modalities)
    {
        bool ok = true;
        var ids = modalities.Select(m => m!.Id).ToArray();
        for (int k = 0; k < modalities.Count; k++)
        {
            if (modalities[k]!.Reflex is not { } reflex) continue;
            string at = JsonPath.Property(JsonPath.Property(JsonPath.Index(path, k), "reflex"), "modality");
            int target = Array.IndexOf(ids, reflex.Modality);
            string? problem = target switch
            {
                < 0 => NameSuggestions.Closest(reflex.Modality, ids) is { } close
                    ? $"unknown modality '{reflex.Modality}'; did you mean '{close}'? (the reflex test is another modality of this indication)"
                    : $"unknown modality '{reflex.Modality}'; this indication's modalities are: {string.Join(", ", ids)}",
                _ when target == k => $"'{reflex.Modality}' is this modality itself: a reflex test is another modality of the same indication",
                _ when modalities[target]!.Reflex is { } next && next.Modality == modalities[k]!.Id =>
                    $"'{reflex.Modality}' names '{modalities[k]!.Id}' as its own reflex: a cycle; one level only (a reflex modality has no reflex of its own)",
                _ when modalities[target]!.Reflex is not null =>
                    $"'{reflex.Modality}' has a reflex of its own ({JsonPath.Property(JsonPath.Index(path, target), "reflex")}); one level only: a reflex modality has no reflex of its own",
                _ => null,
            };
            if (problem is null) continue;
            c.Error(at, problem);
            ok = false;
        }
        return ok;
    }

    private static Reflex? ReadReflex(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, ReflexProperties) is not { } set) return null;
        string? modality = set.Required("modality") is { } m ? ReadString(c, m, set.PathOf("modality")) : null;
        var probability = RequiredParameter(c, set, "probability", ParameterSpec.Probability);
        return modality is null || probability is null ? null : new Reflex(modality, probability);
    }

    private static Modality? ReadModality(ReadContext c, JsonElement e, string path, Dictionary<string, string> ids, List<double?> shares)
    {
        if (OpenObject(c, e, path, ModalityProperties) is not { } set)
        {
            shares.Add(null);
            return null;
        }
        string? id = ReadId(c, set, "modality", ids);
        string? name = OptionalString(c, set, "name");
        string? description = OptionalString(c, set, "description");
        double? share = RequiredNumber(c, set, "share", Shares);
        shares.Add(share);
        var sensitivity = RequiredParameter(c, set, "sensitivity", ParameterSpec.Probability);
        var specificity = RequiredParameter(c, set, "specificity", ParameterSpec.Probability);
        var reflex = set.Optional("reflex") is { } r ? ReadReflex(c, r, set.PathOf("reflex")) : null;
        if (id is null || share is null || sensitivity is null || specificity is null || set.Has("reflex") && reflex is null) return null;
        return new Modality(id, name, description, share.Value, sensitivity, specificity) { Reflex = reflex };
    }

    private static Treatment? ReadTreatment(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, TreatmentProperties) is not { } set) return null;
        var duration = set.Required("durationMonths") is { } d ? ReadDuration(c, d, set.PathOf("durationMonths")) : null;
        double? interval = set.Has("doseIntervalDays")
            ? OptionalNumber(c, set, "doseIntervalDays", DoseIntervals)
            : Treatment.DefaultDoseIntervalDays;
        return duration is null || interval is null ? null : new Treatment(duration, interval.Value);
    }

    private static DurationModel? ReadDuration(ReadContext c, JsonElement e, string path)
    {
        if (!Expect(c, e, path, JsonValueKind.Object, "an object")) return null;
        string? family = PeekString(e, "distribution");
        string[]? allowed = family switch
        {
            FormatNames.Exponential => ["distribution", "median"],
            FormatNames.Weibull => ["distribution", "median", "shape"],
            FormatNames.LogNormal => ["distribution", "median", "sdLog"],
            _ => null,
        };
        var set = PropertySet.Open(c, e, path, allowed);
        if (set.Required("distribution") is not { } f || ReadKeyword(c, f, set.PathOf("distribution"), FormatNames.DurationFamilies) is null)
            return null;
        var median = RequiredParameter(c, set, "median", ParameterSpec.MedianMonths);
        return family switch
        {
            FormatNames.Weibull => RequiredParameter(c, set, "shape", ParameterSpec.WeibullShape) is { } shape && median is not null
                ? new WeibullDuration(median, shape) : null,
            FormatNames.LogNormal => RequiredParameter(c, set, "sdLog", ParameterSpec.SdLog) is { } sdLog && median is not null
                ? new LogNormalDuration(median, sdLog) : null,
            _ => median is null ? null : new ExponentialDuration(median),
        };
    }

    /// <summary>The first <paramref name="name"/> property's string value, for choosing which names are allowed.</summary>
    private static string? PeekString(JsonElement e, string name)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (property.NameEquals(name))
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        }
        return null;
    }
}
