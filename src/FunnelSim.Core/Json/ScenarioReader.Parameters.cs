using System.Text.Json;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Parameters: a plain number, the shorthand { value, low, high }, or an explicit distribution.
public static partial class ScenarioReader
{
    private static readonly string[] ShorthandProperties = ["value", "low", "high", "ramp", "source"];

    /// <summary>z for a central 95% range: sd = (high − low) / (2 · 1.96).</summary>
    private const double RangeWidthInSds = 3.92;

    private static Parameter? RequiredParameter(ReadContext c, PropertySet set, string name, ParameterSpec spec) =>
        set.Required(name) is { } e ? ReadParameter(c, e, set.PathOf(name), spec) : null;

    private static Parameter? ReadParameter(ReadContext c, JsonElement e, string path, ParameterSpec spec, bool mayRamp = true)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                return ReadNumber(c, e, path, spec.Range) is { } number ? Parameter.Fixed(number) : null;
            case JsonValueKind.Object when PeekHas(e, "distribution"):
                return ReadExplicit(c, e, path, spec, mayRamp);
            case JsonValueKind.Object:
                return ReadShorthand(c, e, path, spec, mayRamp);
            default:
                c.Error(path, $"must be a number or an object ({{ \"value\": … }} or {{ \"distribution\": … }}); got {Describe(e.ValueKind)}");
                return null;
        }
    }

    private static Parameter? ReadShorthand(ReadContext c, JsonElement e, string path, ParameterSpec spec, bool mayRamp)
    {
        var set = PropertySet.Open(c, e, path, ShorthandProperties);
        double? value = RequiredNumber(c, set, "value", spec.Range);
        double? low = OptionalNumber(c, set, "low", spec.Range);
        double? high = OptionalNumber(c, set, "high", spec.Range);
        bool rangeOk = true;
        if (set.Has("low") != set.Has("high"))
        {
            string given = set.Has("low") ? "low" : "high", other = set.Has("low") ? "high" : "low";
            c.Error(set.PathOf(given), $"'{given}' needs '{other}': give both ends of the 95% range or neither");
            rangeOk = false;
        }
        string? source = OptionalString(c, set, "source");
        var ramp = ReadOptionalRamp(c, set, spec, mayRamp, out bool rampOk);
        if (value is not { } mean || !rangeOk || set.Has("low") && (low is null || high is null)) return null;

        var distribution = (low, high) switch
        {
            ({ } l, { } h) when l > h => RangeError(c, set.PathOf("low"), $"must not be above high ({InvariantFormat.Number(h)}); got {InvariantFormat.Number(l)}"),
            ({ } l, { } h) when mean < l || mean > h => RangeError(c, set.PathOf("value"),
                $"must lie between low ({InvariantFormat.Number(l)}) and high ({InvariantFormat.Number(h)}); got {InvariantFormat.Number(mean)}"),
            ({ } l, { } h) when h > l => ShorthandFamily(c, path, spec, mean, (h - l) / RangeWidthInSds),
            _ => new FixedDistribution(mean),
        };
        return distribution is null || !rampOk ? null : new Parameter(ParameterForm.Shorthand, distribution, low, high, ramp, source) { Value = mean };
    }

    private static Distribution? RangeError(ReadContext c, string path, string message)
    {
        c.Error(path, message);
        return null;
    }

    /// <summary>The family a shorthand's kind implies, matched to its mean and sd.</summary>
    private static Distribution? ShorthandFamily(ReadContext c, string path, ParameterSpec spec, double mean, double sd)
    {
        switch (spec.Kind)
        {
            case ParameterKind.Probability:
                return ShorthandBeta(c, path, mean, sd);
            case ParameterKind.Rate:
                return new NormalDistribution(mean, sd);
            case ParameterKind.Amount when mean <= 0:
                c.Error(JsonPath.Property(path, "value"),
                    "a log-normal needs a mean above 0; with value 0 drop low/high (fixed at 0) or give an explicit distribution");
                return null;
            default:
                return new LogNormalDistribution(mean, sd);
        }
    }

    private static Distribution? ShorthandBeta(ReadContext c, string path, double mean, double sd)
    {
        if (BetaDistribution.FromMoments(mean, sd) is { } beta)
        {
            // Mass piling up at 0 or 1 is natural for a mean within 1% of that end (a specificity of 0.9999);
            // elsewhere it means the range is too wide for the mean.
            bool pilesAtZero = beta.Alpha < 1 && mean >= 0.01;
            bool pilesAtOne = beta.Beta < 1 && mean <= 0.99;
            if ((beta.Alpha < 1 && beta.Beta < 1) || pilesAtZero || pilesAtOne)
                c.Warning(path,
                    $"the Beta distribution for mean {InvariantFormat.Number(mean)} and sd {InvariantFormat.Rounded(sd)} has alpha {InvariantFormat.Rounded(beta.Alpha)} and beta {InvariantFormat.Rounded(beta.Beta)}: J- or U-shaped; the range is very wide for its mean");
            return beta;
        }
        string limit = mean is > 0 and < 1
            ? $"for this mean the sd must be below {InvariantFormat.Rounded(Math.Sqrt(mean * (1 - mean)))}"
            : "a probability with mean 0 or 1 cannot vary";
        c.Error(path,
            $"no Beta distribution has mean {InvariantFormat.Number(mean)} and sd {InvariantFormat.Rounded(sd)} (sd = (high − low)/3.92); {limit} — narrow low/high or give an explicit distribution");
        return null;
    }

    private static bool PeekHas(JsonElement e, string name)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (property.NameEquals(name)) return true;
        }
        return false;
    }
}
