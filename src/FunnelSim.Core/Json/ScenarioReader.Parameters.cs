using System.Text.Json;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Parameters: a plain number, the shorthand { value, low, high }, or an explicit distribution.
public static partial class ScenarioReader
{
    private static readonly string[] ShorthandProperties = ["value", "low", "high", "ramp", "source"];

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
        c.Shorthand(path, spec.Kind);
        double? value = RequiredNumber(c, set, "value", spec.Range);
        double? low = OptionalNumber(c, set, "low", spec.Range);
        double? high = OptionalNumber(c, set, "high", spec.Range);
        bool rangeOk = true;
        if (set.Has("low") != set.Has("high"))
        {
            string given = set.Has("low") ? "low" : "high", other = set.Has("low") ? "high" : "low";
            c.Error(set.PathOf(given), $"'{given}' needs '{other}': give both ends of the range (its 2.5th and 97.5th percentiles) or neither");
            rangeOk = false;
        }
        string? source = OptionalString(c, set, "source");
        var ramp = ReadOptionalRamp(c, set, spec, mayRamp, out bool rampOk);
        if (value is not { } point || !rangeOk || set.Has("low") && (low is null || high is null)) return null;

        var distribution = (low, high) switch
        {
            ({ } l, { } h) when l > h => RangeError(c, set.PathOf("low"), $"must not be above high ({InvariantFormat.Number(h)}); got {InvariantFormat.Number(l)}"),
            ({ } l, { } h) when point < l || point > h => RangeError(c, set.PathOf("value"),
                $"must lie between low ({InvariantFormat.Number(l)}) and high ({InvariantFormat.Number(h)}); got {InvariantFormat.Number(point)}"),
            ({ } l, { } h) when h > l => ShorthandFamily(c, set, path, spec, point, l, h),
            _ => new FixedDistribution(point),
        };
        return distribution is null || !rampOk ? null : new Parameter(ParameterForm.Shorthand, distribution, low, high, ramp, source) { Value = point };
    }

    private static Distribution? RangeError(ReadContext c, string path, string message)
    {
        c.Error(path, message);
        return null;
    }

    /// <summary>
    /// The family a shorthand's kind implies, with <paramref name="low"/> and <paramref name="high"/> as its 2.5th and 97.5th
    /// percentiles; refused where a bound sits on the edge of the family's support, and a warning where the point estimate
    /// lies outside the fitted middle half.
    /// </summary>
    private static Distribution? ShorthandFamily(ReadContext c, PropertySet set, string path, ParameterSpec spec, double value, double low, double high)
    {
        Distribution? fitted;
        switch (spec.Kind)
        {
            case ParameterKind.Probability when low <= 0 || high >= 1:
                return EdgeError(c, set, low <= 0 ? "low" : "high", low <= 0
                    ? "a probability range from 0 has no Beta distribution with 0 as its 2.5th percentile"
                    : "a probability range to 1 has no Beta distribution with 1 as its 97.5th percentile", value, low, high);
            case ParameterKind.Probability:
                fitted = PercentileFit.Beta(low, high);
                if (fitted is null)
                {
                    c.Error(path, $"no Beta distribution has {InvariantFormat.Number(low)} and {InvariantFormat.Number(high)} as its 2.5th and 97.5th percentiles; give an explicit distribution, e.g. {PertSuggestion(low, value, high)}");
                    return null;
                }
                WarnIfShaped(c, path, (BetaDistribution)fitted, value);
                break;
            case ParameterKind.Rate:
                fitted = PercentileFit.Normal(low, high);
                break;
            case ParameterKind.Amount or ParameterKind.Positive when low <= 0:
                return EdgeError(c, set, "low", "a range from 0 has no log-normal distribution with 0 as its 2.5th percentile", value, low, high);
            default:
                fitted = PercentileFit.LogNormal(low, high);
                break;
        }
        double at = PercentileFit.CumulativeAt(fitted, value);
        if (at < QuartileLow || at > QuartileHigh)
        {
            double median = fitted.InverseCdf(0.5);
            c.Warning(JsonPath.Property(path, "value"),
                $"value {InvariantFormat.Number(value)} lies outside the middle half (25th–75th percentile " +
                $"{InvariantFormat.Plain(fitted.InverseCdf(QuartileLow))}–{InvariantFormat.Plain(fitted.InverseCdf(QuartileHigh))}) " +
                $"of the distribution fitted to low and high as its 2.5th and 97.5th percentiles: the fitted median is " +
                $"{InvariantFormat.Plain(median)}, and the draws centre on it, not on the value. If the range is skewed around " +
                $"the value (a plausible bound rather than a 95% interval), give an explicit distribution, e.g. {PertSuggestion(low, value, high)}");
        }
        return fitted;
    }

    private const double QuartileLow = 0.25;
    private const double QuartileHigh = 0.75;

    private static Distribution? EdgeError(ReadContext c, PropertySet set, string end, string why, double value, double low, double high)
    {
        c.Error(set.PathOf(end),
            $"{why}: low and high of {{ value, low, high }} are the 2.5th and 97.5th percentiles of the fitted distribution; " +
            $"for a range that reaches the edge, give an explicit distribution, e.g. {PertSuggestion(low, value, high)}");
        return null;
    }

    private static string PertSuggestion(double low, double mode, double high) =>
        $"{{ \"distribution\": \"pert\", \"min\": {InvariantFormat.Number(low)}, \"mode\": {InvariantFormat.Number(mode)}, \"max\": {InvariantFormat.Number(high)} }}";

    private static void WarnIfShaped(ReadContext c, string path, BetaDistribution beta, double value)
    {
        // Mass piling up at 0 or 1 is natural for an estimate within 1% of that end (a specificity of 0.9999);
        // elsewhere it means the range is too wide for where it sits.
        bool pilesAtZero = beta.Alpha < 1 && value >= 0.01;
        bool pilesAtOne = beta.Beta < 1 && value <= 0.99;
        if ((beta.Alpha < 1 && beta.Beta < 1) || pilesAtZero || pilesAtOne)
            c.Warning(path,
                $"the Beta distribution fitted to this range has alpha {InvariantFormat.Rounded(beta.Alpha)} and beta {InvariantFormat.Rounded(beta.Beta)}: J- or U-shaped; the range is very wide");
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
