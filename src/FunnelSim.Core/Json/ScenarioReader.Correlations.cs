using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Rank correlations between parameters: the top-level "correlations" array.
public static partial class ScenarioReader
{
    private static readonly string[] CorrelationProperties = ["a", "b", "rho"];
    private static readonly NumberRange Rhos = new(-1, 1, Meaning: "Spearman rank correlation");
    private const int MaxCorrelations = 1000;

    /// <summary>The entries as written (with their paths), or null when the array itself is unreadable.</summary>
    private static List<(Correlation Correlation, string Path)>? ReadCorrelations(ReadContext c, JsonElement e, string path)
    {
        if (ReadArray(c, e, path, 0, MaxCorrelations, "correlations") is not { } items) return null;
        var read = new List<(Correlation, string)>();
        bool ok = true;
        foreach (var (item, itemPath) in items)
        {
            if (OpenObject(c, item, itemPath, CorrelationProperties) is not { } set)
            {
                ok = false;
                continue;
            }
            string? a = set.Required("a") is { } av ? ReadString(c, av, set.PathOf("a")) : null;
            string? b = set.Required("b") is { } bv ? ReadString(c, bv, set.PathOf("b")) : null;
            double? rho = RequiredNumber(c, set, "rho", Rhos);
            if (a is not null && a == b)
            {
                c.Error(set.PathOf("b"), $"a parameter cannot be correlated with itself ('{a}'); name two different parameters");
                ok = false;
            }
            if (a is null || b is null || rho is null || a == b) ok = false;
            else read.Add((new Correlation(a, b, rho.Value), itemPath));
        }
        return ok ? read : null;
    }
}
