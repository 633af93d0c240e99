using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunnelSim.Model;

namespace FunnelSim.Sweeps;

/// <summary>
/// Sweeping one testing modality's <c>share</c> rescales the other modalities of that indication in proportion, so
/// the shares still sum to 1: with the swept share at s, each other share becomes share · (1 − s) / (sum of the others).
/// </summary>
internal static partial class ShareRescaling
{
    /// <summary>The indication and modality indexes when <paramref name="path"/> is a modality's share, else null.</summary>
    public static (int Indication, int Modality)? ShareOf(string path)
    {
        var match = SharePath().Match(path);
        return match.Success ? (int.Parse(match.Groups[1].ValueSpan), int.Parse(match.Groups[2].ValueSpan)) : null;
    }

    /// <summary>Rescales the other shares of the modalities array after <paramref name="modality"/>'s share was set.</summary>
    public static void Apply(JsonNode root, int indication, int modality)
    {
        if (root["indications"]?[indication]?["testing"]?["modalities"] is not JsonArray modalities) return;
        double swept = Share(modalities[modality]) ?? double.NaN;
        double others = 0;
        for (int k = 0; k < modalities.Count; k++)
            if (k != modality) others += Share(modalities[k]) ?? double.NaN;
        // Out-of-range or unscalable values are left for validation to report in the scenario's own words.
        if (!(swept >= 0 && swept <= 1) || !(others > 0)) return;
        double factor = (1 - swept) / others;
        for (int k = 0; k < modalities.Count; k++)
        {
            if (k != modality && modalities[k] is JsonObject m)
                m["share"] = JsonValue.Create(Share(m)!.Value * factor);
        }
    }

    private static double? Share(JsonNode? modality) =>
        modality?["share"] is JsonValue v && v.TryGetValue(out double share) ? share : null;

    [GeneratedRegex(@"^indications\[(\d+)\]\.testing\.modalities\[(\d+)\]\.share$")]
    private static partial Regex SharePath();
}
