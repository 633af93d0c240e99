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
    /// <summary>The errors, each with the JSON path of the entry or field at fault, or the warning that a repaired matrix
    /// is used; empty when the correlations are sound.</summary>
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

        var repair = scenario.Simulation.CorrelationRepair;
        var matrix = CorrelationMatrix.Build(scenario.Correlations, slots, repair);
        if (matrix.Factor is null)
        {
            double smallest = NearestCorrelation.SmallestEigenvalue(matrix.Pearson);
            return [Error("correlations", string.Create(CultureInfo.InvariantCulture,
                $"these rank correlations cannot be drawn together: the Gaussian copula draws them through normal scores " +
                $"correlated at r = 2·sin(π·ρ/6), and that matrix is not positive semi-definite (its smallest eigenvalue is " +
                $"{smallest:0.####}). Rank correlations can be consistent as ranks yet not as normal scores (three parameters " +
                $"each at −0.49 with the other two are: r = −0.508 each), and no set of parameters can all move against one " +
                $"another strongly. Weaken or remove some of them, or set simulation.correlationRepair to \"nearest\" to use " +
                $"the nearest valid matrix (Higham 2002) with a warning that lists what changed"))];
        }
        if (matrix.Asked is { } asked) return [Repaired(scenario, matrix, asked)];
        return [];
    }

    /// <summary>The warning for a repaired matrix: every rank correlation that the nearest valid matrix changed.</summary>
    private static Diagnostic Repaired(Scenario scenario, CorrelationMatrix matrix, double[,] asked)
    {
        var index = matrix.Slots.Select((s, i) => (s.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var changes = new List<string>();
        var listed = new HashSet<(int, int)>();
        for (int k = 0; k < scenario.Correlations.Length; k++)
        {
            var c = scenario.Correlations[k];
            int i = index[c.A], j = index[c.B];
            listed.Add((Math.Min(i, j), Math.Max(i, j)));
            double used = CorrelationMatrix.SpearmanOf(matrix.Pearson[i, j]);
            if (Math.Abs(used - c.Rho) >= 0.00005)
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"correlations[{k}] ({c.A}, {c.B}) {c.Rho:0.####} → {used:0.####}"));
        }
        for (int i = 0; i < matrix.Slots.Length; i++)
            for (int j = i + 1; j < matrix.Slots.Length; j++)
            {
                if (listed.Contains((i, j))) continue;
                double used = CorrelationMatrix.SpearmanOf(matrix.Pearson[i, j]);
                if (Math.Abs(used) >= 0.00005)
                    changes.Add(string.Create(CultureInfo.InvariantCulture, $"({matrix.Slots[i].Path}, {matrix.Slots[j].Path}), not listed, 0 → {used:0.####}"));
            }
        double smallest = NearestCorrelation.SmallestEigenvalue(asked);
        return new Diagnostic(Severity.Warning, "correlations", string.Create(CultureInfo.InvariantCulture,
            $"these rank correlations cannot be drawn as given (their normal-score matrix has smallest eigenvalue {smallest:0.####}); " +
            $"as simulation.correlationRepair asks, the nearest valid matrix (Higham 2002) is used instead, so the draws' rank " +
            $"correlations are: {string.Join("; ", changes)}"));
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
