using System.Globalization;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>Every input of a compiled model as rows (<see cref="InputRow"/>), in the model's draw order.</summary>
public static class InputTable
{
    /// <summary>Lower cumulative probability of the range of an input without a written range (as the tornado uses).</summary>
    public const double LowProbability = 0.025;

    /// <summary>Upper cumulative probability of that range.</summary>
    public const double HighProbability = 0.975;

    /// <summary>The rows of <paramref name="model"/>: each parameter, then its ramp target when it ramps.</summary>
    public static IReadOnlyList<InputRow> Rows(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<InputRow>();
        foreach (var parameter in model.ParameterList)
        {
            rows.Add(Row(parameter.Path, parameter.Label, parameter.Start, parameter.Source));
            if (parameter.RampTarget is { } target)
            {
                var ramp = parameter.Source?.Ramp;
                string shape = ramp is null ? "" : string.Create(CultureInfo.InvariantCulture,
                    $" over {ramp.Years:0.##} years ({Shape(ramp.Shape)})");
                var row = Row(parameter.Path + ".ramp.to", parameter.Label + " (ramp target)", target, ramp?.To);
                rows.Add(row with { Distribution = row.Distribution + shape, Source = row.Source ?? parameter.Source?.Source });
            }
        }
        return rows;
    }

    /// <summary>A distribution in words with its parameters, e.g. <c>beta(α 55.2, β 45.1)</c>.</summary>
    public static string Describe(Distribution distribution) => distribution switch
    {
        FixedDistribution => "fixed",
        BetaDistribution b => $"beta(α {G(b.Alpha)}, β {G(b.Beta)})",
        LogNormalDistribution l => $"log-normal(mean {G(l.MeanValue)}, sd {G(l.Sd)})",
        NormalDistribution n => $"normal(mean {G(n.MeanValue)}, sd {G(n.Sd)})",
        GammaDistribution g => $"gamma(shape {G(g.Shape)}, scale {G(g.Scale)})",
        UniformDistribution u => $"uniform({G(u.Min)}, {G(u.Max)})",
        TriangularDistribution t => $"triangular({G(t.Min)}, {G(t.Mode)}, {G(t.Max)})",
        PertDistribution p => $"PERT({G(p.Min)}, {G(p.Mode)}, {G(p.Max)})",
        _ => distribution.GetType().Name,
    };

    private static InputRow Row(string path, string label, Distribution distribution, Parameter? written)
    {
        double value = written?.Value ?? distribution.Mean;
        (double low, double high) = distribution switch
        {
            FixedDistribution f => (f.Value, f.Value),
            _ when written is { Form: ParameterForm.Shorthand, Low: { } l, High: { } h } => (l, h),
            _ => (distribution.InverseCdf(LowProbability), distribution.InverseCdf(HighProbability)),
        };
        return new InputRow(path, label, Describe(distribution), value, low, high, written?.Source);
    }

    private static string Shape(RampShape shape) => shape switch
    {
        RampShape.SCurve => "s-curve",
        RampShape.Bass => "bass",
        _ => "linear",
    };

    // Parameters of a distribution: four significant digits, invariant culture.
    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
