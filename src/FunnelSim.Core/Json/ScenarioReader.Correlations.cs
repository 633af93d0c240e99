using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
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

    /// <summary>
    /// Checks the entries against the parameters the scenario actually has (their paths are those of the compiled model,
    /// so every parameter the engine draws can be named) and that together they are consistent; errors carry the path.
    /// </summary>
    private static Scenario? WithCorrelations(ReadContext c, Scenario scenario, List<(Correlation Correlation, string Path)> entries,
        string path)
    {
        if (c.HasErrors) return scenario; // the parameters are not all known yet; the other errors come first
        var slots = ParameterSlot.All(ModelCompiler.Compile(scenario).ParameterList);
        var byPath = slots.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var uncertain = slots.Where(s => s.IsUncertain).Select(s => s.Path).ToArray();
        var pairs = new Dictionary<(string, string), string>();
        bool ok = true;
        foreach (var (correlation, itemPath) in entries)
        {
            ok &= CheckCorrelated(c, byPath, uncertain, correlation.A, JsonPath.Property(itemPath, "a"));
            ok &= CheckCorrelated(c, byPath, uncertain, correlation.B, JsonPath.Property(itemPath, "b"));
            var pair = string.CompareOrdinal(correlation.A, correlation.B) < 0 ? (correlation.A, correlation.B) : (correlation.B, correlation.A);
            if (pairs.TryGetValue(pair, out string? first))
            {
                c.Error(itemPath, $"the pair '{correlation.A}' and '{correlation.B}' is already correlated at {first}; give each pair once");
                ok = false;
            }
            else
            {
                pairs[pair] = itemPath;
            }
        }
        if (!ok) return null;

        var correlations = entries.Select(e => e.Correlation).ToImmutableArray();
        if (CorrelationMatrix.Build(correlations, slots).Factor is null)
        {
            c.Error(path, "these correlations cannot hold together (their matrix is not positive semi-definite): e.g. if A and B " +
                          "move together and B and C move together, A and C cannot move in opposite directions; weaken or " +
                          "remove some of them");
            return null;
        }
        return scenario with { Correlations = correlations };
    }

    private static bool CheckCorrelated(ReadContext c, Dictionary<string, ParameterSlot> byPath, string[] uncertain, string name,
        string path)
    {
        if (!byPath.TryGetValue(name, out var slot))
        {
            string hint = NameSuggestions.Closest(name, byPath.Keys) is { } near
                ? $"did you mean '{near}'?"
                : $"uncertain parameters: {string.Join(", ", uncertain.Take(8))}{(uncertain.Length > 8 ? ", …" : "")}";
            c.Error(path, $"unknown parameter '{name}'; {hint} (name a parameter by its JSON path, as in error messages)");
            return false;
        }
        if (!slot.IsUncertain)
        {
            c.Error(path, string.Create(CultureInfo.InvariantCulture,
                $"'{name}' is fixed at {slot.Distribution.Mean}; only uncertain parameters (with a range or a distribution) can be correlated"));
            return false;
        }
        return true;
    }
}
