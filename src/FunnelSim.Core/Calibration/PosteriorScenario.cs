using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Sampling;

namespace FunnelSim.Calibration;

/// <summary>
/// The posterior of a calibration as a scenario file every other command reads: each updated input (see
/// <see cref="ParameterUpdate.Updated"/>) becomes an explicit distribution fitted to its posterior draws by moments, in its
/// prior's family where that family can take the moments (Beta, log-normal, normal, gamma; a uniform, triangular or PERT
/// prior becomes a Beta on [0, 1] for a probability, a log-normal for a positive amount, else a normal), with its ramp kept
/// and <c>source</c> "calibrated to FILE (DATE)"; inputs the data did not move stay as written. Rank correlations between
/// updated inputs are estimated from the draws (pairs with |ρ| ≥ 0.1) and replace any written between them.
/// </summary>
public static class PosteriorScenario
{
    /// <summary>Smallest rank correlation written.</summary>
    public const double MinCorrelation = 0.1;

    /// <summary>The posterior scenario as indented JSON.</summary>
    /// <param name="result">The calibration.</param>
    /// <param name="observedName">The observations' file name, for <c>source</c>.</param>
    /// <param name="date">The date written in <c>source</c>.</param>
    public static string Write(CalibrationResult result, string observedName, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(observedName);
        var root = JsonNode.Parse(ScenarioWriter.Write(result.Scenario))!.AsObject();
        string source = $"calibrated to {observedName} ({date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        var model = ModelCompiler.Compile(result.Scenario);
        var byPath = ParameterSlot.All(model.ParameterList).ToDictionary(s => s.Path, StringComparer.Ordinal);
        var slots = result.InformedPaths.Select(p => byPath[p]).ToArray();
        int d = slots.Length;
        var isUpdated = result.Parameters.Where(p => p.Updated).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var updated = new List<int>();
        for (int j = 0; j < d; j++)
        {
            if (!isUpdated.Contains(slots[j].Path)) continue;
            updated.Add(j);
            var draws = Calibrator.Column(result.PosteriorValues, j, d);
            var fitted = Fit(slots[j].Distribution, draws, source);
            Replace(root, slots[j], fitted);
        }
        root["name"] = $"{result.Scenario.Name ?? "Scenario"} (calibrated)";
        root["description"] = $"Posterior of '{result.Scenario.Name ?? "the scenario"}' given the counts in {observedName} " +
                              $"({result.Observations.Count} observations, {result.Options.Draws:N0} draws, seed {result.Options.Seed}).";
        WriteCorrelations(root, result, slots, updated);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options) + "\n";
    }

    /// <summary>The explicit distribution (as scenario JSON) fitted to <paramref name="draws"/> in <paramref name="prior"/>'s family.</summary>
    internal static JsonObject Fit(Distribution prior, double[] draws, string source)
    {
        double mean = draws.Average();
        double variance = draws.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, draws.Length - 1);
        double sd = Math.Sqrt(variance);
        string family = prior switch
        {
            BetaDistribution => "beta",
            LogNormalDistribution => "lognormal",
            NormalDistribution => "normal",
            GammaDistribution => "gamma",
            _ when prior.Minimum >= 0 && prior.Maximum <= 1 => "beta",
            _ when prior.Minimum >= 0 => "lognormal",
            _ => "normal",
        };
        var fitted = new JsonObject { ["distribution"] = family };
        switch (family)
        {
            case "beta":
                // Method of moments; a variance at or above m(1 − m) cannot be a Beta's: cap it just below.
                double m = Math.Clamp(mean, 1e-9, 1 - 1e-9);
                double v = Math.Min(variance, 0.99 * m * (1 - m));
                double k = m * (1 - m) / Math.Max(v, 1e-300) - 1;
                fitted["alpha"] = Round(m * k);
                fitted["beta"] = Round((1 - m) * k);
                break;
            case "gamma":
                fitted["shape"] = Round(mean * mean / variance);
                fitted["scale"] = Round(variance / mean);
                break;
            default:
                fitted["mean"] = Round(mean);
                fitted["sd"] = Round(sd);
                break;
        }
        fitted["source"] = source;
        return fitted;
    }

    private static void Replace(JsonObject root, ParameterSlot slot, JsonObject fitted)
    {
        string path = slot.IsRampTarget ? slot.Path[..^ParameterSlot.RampTargetSuffix.Length] : slot.Path;
        var (parent, key) = Locate(root, path);
        var node = parent[key];
        if (slot.IsRampTarget)
        {
            node!["ramp"]!["to"] = fitted;
            return;
        }
        if (node is JsonObject written && written["ramp"] is { } ramp) fitted["ramp"] = ramp.DeepClone();
        parent[key] = fitted;
    }

    /// <summary>The object holding the value at <paramref name="path"/> (<c>indications[1].testing.uptake</c>) and its key.</summary>
    private static (JsonObject Parent, string Key) Locate(JsonObject root, string path)
    {
        JsonNode current = root;
        var segments = path.Split('.');
        for (int s = 0; s < segments.Length; s++)
        {
            string segment = segments[s];
            int bracket = segment.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? segment : segment[..bracket];
            if (s == segments.Length - 1 && bracket < 0) return (current.AsObject(), name);
            current = current[name]!;
            while (bracket >= 0)
            {
                int close = segment.IndexOf(']', bracket);
                current = current[int.Parse(segment[(bracket + 1)..close], CultureInfo.InvariantCulture)]!;
                bracket = segment.IndexOf('[', close);
            }
        }
        throw new ArgumentException($"'{path}' does not name a value", nameof(path));
    }

    private static void WriteCorrelations(JsonObject root, CalibrationResult result, ParameterSlot[] slots, List<int> updated)
    {
        var isUpdated = updated.Select(j => slots[j].Path).ToHashSet(StringComparer.Ordinal);
        var kept = result.Scenario.Correlations.IsDefaultOrEmpty
            ? []
            : result.Scenario.Correlations.Where(c => !isUpdated.Contains(c.A) && !isUpdated.Contains(c.B)).ToList();
        int d = slots.Length;
        var ranks = updated.ToDictionary(j => j, j => Ranks(Calibrator.Column(result.PosteriorValues, j, d)));
        var estimated = new List<(string A, string B, double Rho)>();
        for (int a = 0; a < updated.Count; a++)
            for (int b = a + 1; b < updated.Count; b++)
            {
                double rho = Pearson(ranks[updated[a]], ranks[updated[b]]);
                if (Math.Abs(rho) >= MinCorrelation) estimated.Add((slots[updated[a]].Path, slots[updated[b]].Path, Math.Round(rho, 2)));
            }
        // Estimated from draws the matrix is valid; rounding and leaving out small pairs can break that: shrink until it holds.
        for (int attempt = 0; attempt < 50 && !Valid(kept, estimated); attempt++)
            estimated = [.. estimated.Select(e => (e.A, e.B, Math.Round(e.Rho * 0.9, 2)))];
        var list = new JsonArray();
        foreach (var c in kept) list.Add(new JsonObject { ["a"] = c.A, ["b"] = c.B, ["rho"] = c.Rho });
        foreach (var e in estimated.Where(e => e.Rho != 0)) list.Add(new JsonObject { ["a"] = e.A, ["b"] = e.B, ["rho"] = e.Rho });
        root.Remove("correlations");
        if (list.Count > 0) root["correlations"] = list;
    }

    private static bool Valid(List<Model.Correlation> kept, List<(string A, string B, double Rho)> estimated)
    {
        var pairs = kept.Select(c => (c.A, c.B, c.Rho)).Concat(estimated).ToList();
        var names = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
        var matrix = new double[names.Count, names.Count];
        for (int i = 0; i < names.Count; i++) matrix[i, i] = 1;
        foreach (var (a, b, rho) in pairs)
        {
            int i = names.IndexOf(a), j = names.IndexOf(b);
            matrix[i, j] = matrix[j, i] = CorrelationMatrix.PearsonOf(rho);
        }
        return CholeskyFactor.Of(matrix) is not null;
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var ranks = new double[values.Length];
        for (int r = 0; r < order.Length; r++) ranks[order[r]] = r;
        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    private static double Round(double x) => double.Parse(x.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
