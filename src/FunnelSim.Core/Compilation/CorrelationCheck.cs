using System.Collections.Immutable;
using System.Globalization;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Compilation;

/// <summary>
/// Checks a scenario's rank correlations against the parameters its compiled model draws (their paths are the model's, so
/// every parameter the engine draws can be named): each names an uncertain parameter, each pair appears once, and together
/// they are consistent (a positive semi-definite matrix). Runs after reading (<see cref="ScenarioLoader"/>), so reading a
/// file never needs the compiler.
/// </summary>
internal static class CorrelationCheck
{
    /// <summary>The errors, each with the JSON path of the entry or field at fault; empty when the correlations are sound.</summary>
    public static ImmutableArray<Diagnostic> Check(Scenario scenario)
    {
        if (scenario.Correlations.IsEmpty) return [];
        var errors = new List<Diagnostic>();
        // Compiled without them: the model (its sampling design) assumes correlations already checked.
        var slots = ParameterSlot.All(ModelCompiler.Compile(scenario with { Correlations = [] }).ParameterList);
        var byPath = slots.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var uncertain = slots.Where(s => s.IsUncertain).Select(s => s.Path).ToArray();
        var pairs = new Dictionary<(string, string), string>();
        for (int i = 0; i < scenario.Correlations.Length; i++)
        {
            var correlation = scenario.Correlations[i];
            string itemPath = JsonPath.Index("correlations", i);
            CheckCorrelated(errors, byPath, uncertain, correlation.A, JsonPath.Property(itemPath, "a"));
            CheckCorrelated(errors, byPath, uncertain, correlation.B, JsonPath.Property(itemPath, "b"));
            var pair = string.CompareOrdinal(correlation.A, correlation.B) < 0 ? (correlation.A, correlation.B) : (correlation.B, correlation.A);
            if (pairs.TryGetValue(pair, out string? first))
                errors.Add(Error(itemPath, $"the pair '{correlation.A}' and '{correlation.B}' is already correlated at {first}; give each pair once"));
            else
                pairs[pair] = itemPath;
        }
        if (errors.Count > 0) return [.. errors];

        if (CorrelationMatrix.Build(scenario.Correlations, slots).Factor is null)
            return [Error("correlations", "these correlations cannot hold together (their matrix is not positive semi-definite): e.g. if A and B " +
                                          "move together and B and C move together, A and C cannot move in opposite directions; weaken or " +
                                          "remove some of them")];
        return [];
    }

    private static void CheckCorrelated(List<Diagnostic> errors, Dictionary<string, ParameterSlot> byPath, string[] uncertain, string name,
        string path)
    {
        if (!byPath.TryGetValue(name, out var slot))
        {
            string hint = NameSuggestions.Closest(name, byPath.Keys) is { } near
                ? $"did you mean '{near}'?"
                : $"uncertain parameters: {string.Join(", ", uncertain.Take(8))}{(uncertain.Length > 8 ? ", …" : "")}";
            errors.Add(Error(path, $"unknown parameter '{name}'; {hint} (name a parameter by its JSON path, as in error messages)"));
        }
        else if (!slot.IsUncertain)
        {
            errors.Add(Error(path, string.Create(CultureInfo.InvariantCulture,
                $"'{name}' is fixed at {slot.Distribution.Mean}; only uncertain parameters (with a range or a distribution) can be correlated")));
        }
    }

    private static Diagnostic Error(string path, string message) => new(Severity.Error, path, message);
}
