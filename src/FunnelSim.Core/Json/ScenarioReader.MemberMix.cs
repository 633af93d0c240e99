using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// A health plan's members by line of business.
public static partial class ScenarioReader
{
    /// <summary>The lines of business a member mix may name.</summary>
    internal static readonly string[] LinesOfBusiness = ["commercial", "medicare", "medicaid"];
    private static readonly string[] MemberGroupProperties = ["share", "incidenceMultiplier", "indicationMultipliers"];

    private static ImmutableArray<MemberGroup>? ReadMemberMix(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, LinesOfBusiness) is not { } set) return null;
        var groups = new List<MemberGroup?>();
        var shares = new List<double?>();
        foreach (string line in LinesOfBusiness)
        {
            if (set.Optional(line) is { } group) groups.Add(ReadMemberGroup(c, group, set.PathOf(line), line, shares));
        }
        if (groups.Count == 0)
        {
            c.Error(path, $"must name at least one line of business: {string.Join(", ", LinesOfBusiness)}");
            return null;
        }
        if (!shares.Contains(null) && Math.Abs(shares.Sum()!.Value - 1) > ShareTolerance)
        {
            c.Error(path, $"the member mix's shares must sum to 1 (±1e-6); they sum to {InvariantFormat.Number(Math.Round(shares.Sum()!.Value, 9))}");
            return null;
        }
        return groups.Contains(null) ? null : [.. groups.Select(g => g!)];
    }

    private static MemberGroup? ReadMemberGroup(ReadContext c, JsonElement e, string path, string line, List<double?> shares)
    {
        if (OpenObject(c, e, path, MemberGroupProperties) is not { } set)
        {
            shares.Add(null);
            return null;
        }
        double? share = RequiredNumber(c, set, "share", new NumberRange(0, 1, Meaning: "share of the plan's members"));
        shares.Add(share);
        var multiplier = OptionalParameter(c, set, "incidenceMultiplier", ParameterSpec.IncidenceMultiplier, 1);
        var byIndication = new List<IndicationMultiplier?>();
        if (set.Optional("indicationMultipliers") is { } m && OpenObject(c, m, set.PathOf("indicationMultipliers"), allowed: null) is not null)
        {
            foreach (var property in m.EnumerateObject())
            {
                var p = ReadParameter(c, property.Value, JsonPath.Property(set.PathOf("indicationMultipliers"), property.Name),
                    ParameterSpec.IncidenceMultiplier);
                byIndication.Add(p is null ? null : new IndicationMultiplier(property.Name, p));
            }
        }
        else if (set.Has("indicationMultipliers"))
        {
            byIndication.Add(null);
        }
        if (share is null || multiplier is null || byIndication.Contains(null)) return null;
        return new MemberGroup(line, share.Value, multiplier, [.. byIndication.Select(x => x!)]);
    }
}
