using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Modality shares: a layer that sets some, but not all, of an indication's shares rescales the others in proportion,
// as a sweep does, so the shares still sum to 1; a layer that sets all of them is taken as written.
internal sealed partial class OverlayResolver
{
    private void RescaleShares(JsonNode root, List<Applied> layer)
    {
        var byIndication = new SortedDictionary<int, List<(int Modality, Applied Change)>>();
        foreach (var change in layer)
        {
            var match = SharePath().Match(change.Resolved);
            if (!match.Success) continue;
            int indication = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (!byIndication.TryGetValue(indication, out var list)) byIndication[indication] = list = [];
            list.Add((int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture), change));
        }
        foreach (var (indication, shares) in byIndication)
        {
            string modalitiesPath = $"indications[{indication}].testing.modalities";
            // A layer that also replaces the modalities (or anything holding them) wrote them as it wanted.
            if (layer.Any(a => a.Resolved == modalitiesPath || Within(modalitiesPath, a.Resolved))) continue;
            if (root["indications"]?[indication]?["testing"]?["modalities"] is not JsonArray modalities) continue;
            var given = shares.Select(s => s.Modality).ToHashSet();
            if (given.Count >= modalities.Count) continue;

            double sumGiven = 0, others = 0;
            for (int k = 0; k < modalities.Count; k++)
            {
                double share = Share(modalities[k]) ?? double.NaN;
                if (given.Contains(k)) sumGiven += share;
                else others += share;
            }
            // Out-of-range or unscalable values are left for validation to report in the scenario's own words.
            if (!(sumGiven >= 0 && sumGiven <= 1) || !(others > 0)) continue;
            double factor = (1 - sumGiven) / others;
            var rescaled = new List<string>();
            for (int k = 0; k < modalities.Count; k++)
            {
                if (given.Contains(k) || modalities[k] is not JsonObject m) continue;
                m["share"] = JsonValue.Create(Share(m)!.Value * factor);
                rescaled.Add(m["id"]?.GetValue<string>() ?? $"modalities[{k}]");
            }
            var last = shares[^1].Change;
            problems.Add(new Diagnostic(Severity.Warning, last.Resolved,
                $"the other modalities' shares of indications[{indication}] ({string.Join(", ", rescaled)}) are rescaled in proportion " +
                $"so the shares still sum to 1; set every share of the indication to take them as written ({last.Setting.Origin})",
                last.Setting.Line, last.Setting.Column));
        }
    }

    private static double? Share(JsonNode? modality) =>
        modality?["share"] is JsonValue v && v.TryGetValue(out double share) ? share : null;

    [GeneratedRegex(@"^indications\[(\d+)\]\.testing\.modalities\[(\d+)\]\.share$")]
    private static partial Regex SharePath();
}
