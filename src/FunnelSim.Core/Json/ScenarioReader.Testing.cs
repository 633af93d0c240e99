using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Testing, modalities and treatment.
public static partial class ScenarioReader
{
    private static readonly string[] TestingProperties = ["uptake", "uptakeWithoutBizengri", "modalities"];
    private static readonly string[] ModalityProperties = ["id", "name", "description", "share", "sensitivity", "specificity"];
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
        var modalities = set.Required("modalities") is { } m ? ReadModalities(c, m, set.PathOf("modalities")) : null;
        if (uptake is null || modalities is null || set.Has("uptakeWithoutBizengri") && without is null) return null;
        return new Testing(uptake, modalities.Value) { UptakeWithoutBizengri = without };
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
        return modalities.Contains(null) ? null : [.. modalities.Select(m => m!)];
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
        if (id is null || share is null || sensitivity is null || specificity is null) return null;
        return new Modality(id, name, description, share.Value, sensitivity, specificity);
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
