using System.Text.Json;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Explicit distributions: { "distribution": NAME, … }.
public static partial class ScenarioReader
{
    private static readonly NumberRange AnyNumber = new(double.MinValue, double.MaxValue);

    private static string[] FamilyProperties(string family) => family switch
    {
        "beta" => ["alpha", "beta"],
        "lognormal" or "normal" => ["mean", "sd"],
        "gamma" => ["shape", "scale"],
        "uniform" => ["min", "max"],
        "triangular" or "pert" => ["min", "mode", "max"],
        _ => ["value"],
    };

    private static Parameter? ReadExplicit(ReadContext c, JsonElement e, string path, ParameterSpec spec, bool mayRamp)
    {
        string? peek = PeekString(e, "distribution");
        string[]? allowed = peek is not null && ParameterSpec.AllFamilies.Contains(peek)
            ? ["distribution", .. FamilyProperties(peek), "ramp", "source"]
            : null;
        var set = PropertySet.Open(c, e, path, allowed);
        string? family = set.Required("distribution") is { } f
            ? ReadKeyword(c, f, set.PathOf("distribution"), ParameterSpec.AllFamilies)
            : null;
        if (family is not null && !spec.Families.Contains(family))
        {
            c.Error(set.PathOf("distribution"),
                $"'{family}' is not allowed for {spec.KindName}; allowed: {string.Join(", ", spec.Families)}");
            family = null;
        }
        string? source = OptionalString(c, set, "source");
        var ramp = ReadOptionalRamp(c, set, spec, mayRamp, out bool rampOk);
        if (family is null) return null;
        var distribution = ReadFamily(c, set, spec, family);
        return distribution is null || !rampOk ? null : new Parameter(ParameterForm.Explicit, distribution, Ramp: ramp, Source: source);
    }

    private static Distribution? ReadFamily(ReadContext c, PropertySet set, ParameterSpec spec, string family)
    {
        // Read every property first so that all of its problems are reported together.
        var values = FamilyProperties(family).Select(name => RequiredNumber(c, set, name)).ToArray();
        if (values.Contains(null)) return null;
        double a = values[0]!.Value, b = values.Length > 1 ? values[1]!.Value : 0, m = values.Length > 2 ? values[2]!.Value : 0;
        return family switch
        {
            "beta" => Check(c, set, ("alpha", a > 0, "must be above 0"), ("beta", b > 0, "must be above 0"))
                ? new BetaDistribution(a, b) : null,
            "lognormal" => Check(c, set, ("mean", a > 0, "must be above 0"), ("sd", b >= 0, "must be 0 or more"))
                && InRange(c, set, spec, "mean", a) ? new LogNormalDistribution(a, b) : null,
            "normal" => Check(c, set, ("sd", b >= 0, "must be 0 or more")) && InRange(c, set, spec, "mean", a)
                ? new NormalDistribution(a, b) : null,
            "gamma" => Check(c, set, ("shape", a > 0, "must be above 0"), ("scale", b > 0, "must be above 0"))
                && MeanInRange(c, set, spec, a * b) ? new GammaDistribution(a, b) : null,
            "uniform" => Check(c, set, ("min", a < b, $"must be below max ({InvariantFormat.Number(b)})"))
                && InRange(c, set, spec, "min", a) & InRange(c, set, spec, "max", b) ? new UniformDistribution(a, b) : null,
            "triangular" or "pert" => ReadPeaked(c, set, spec, family, a, b, m),
            _ => InRange(c, set, spec, "value", a) ? new FixedDistribution(a) : null,
        };
    }

    private static Distribution? ReadPeaked(ReadContext c, PropertySet set, ParameterSpec spec, string family, double min, double mode, double max)
    {
        bool ok = Check(c, set,
            ("min", min < max, $"must be below max ({InvariantFormat.Number(max)})"),
            ("mode", mode >= min && mode <= max, $"must lie between min ({InvariantFormat.Number(min)}) and max ({InvariantFormat.Number(max)})"));
        ok &= InRange(c, set, spec, "min", min) & InRange(c, set, spec, "max", max);
        if (!ok) return null;
        return family == "pert" ? new PertDistribution(min, mode, max) : new TriangularDistribution(min, mode, max);
    }

    /// <summary>Reports each failed condition at its property, with the offending value.</summary>
    private static bool Check(ReadContext c, PropertySet set, params (string Name, bool Holds, string Rule)[] conditions)
    {
        bool ok = true;
        foreach (var (name, holds, rule) in conditions)
        {
            if (holds) continue;
            var raw = set.Optional(name)!.Value.GetRawText();
            c.Error(set.PathOf(name), $"{rule}; got {raw}");
            ok = false;
        }
        return ok;
    }

    private static bool InRange(ReadContext c, PropertySet set, ParameterSpec spec, string name, double value)
    {
        if (spec.Range.Contains(value)) return true;
        c.Error(set.PathOf(name), spec.Range.Violation(value));
        return false;
    }

    private static bool MeanInRange(ReadContext c, PropertySet set, ParameterSpec spec, double mean)
    {
        if (spec.Range.Contains(mean)) return true;
        c.Error(set.Path, $"the mean (shape × scale) {spec.Range.Violation(mean)}");
        return false;
    }
}
