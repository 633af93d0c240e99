using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunnelSim.Json;

/// <summary>
/// How a shorthand <c>{ value, low, high }</c> follows a new <c>value</c> set by an override (an overlay's <c>set</c>,
/// <c>--set</c>, a sweep axis, an edit in the UI) that does not also set its <c>low</c> or <c>high</c>: the whole range
/// moves with the value and keeps its shape on its family's own scale. Positive amounts (log-normal) scale
/// <c>low</c> and <c>high</c> by new/old; growth rates (normal) shift them by new − old; probabilities (Beta) shift them on
/// the logit scale by logit(new) − logit(old). Without this, a new value would move only the point estimate and not the
/// draws (the distribution is fitted to <c>low</c> and <c>high</c> alone); see docs/scenario-format.md#parameters.
/// </summary>
public static class RangeCarry
{
    /// <summary>
    /// The <c>low</c> and <c>high</c> that go with <paramref name="newValue"/> for the shorthand at
    /// <paramref name="parameterPath"/> (a path as diagnostics write it, without <c>.value</c>), whose value moves from
    /// <paramref name="value"/> with the range <paramref name="low"/>–<paramref name="high"/>. Null when
    /// <paramref name="read"/> holds no shorthand at that path (nothing to carry), or when the range cannot follow
    /// (<paramref name="error"/> then says why: a probability set to 0 or 1, an amount set to 0).
    /// </summary>
    public static (double Low, double High)? Move(ScenarioLoadResult read, string parameterPath, double value, double low, double high,
        double newValue, out string? error)
    {
        ArgumentNullException.ThrowIfNull(read);
        error = null;
        if (!read.ShorthandKinds.TryGetValue(parameterPath, out var kind)) return null;
        return TryMove(kind, value, low, high, newValue, out double newLow, out double newHigh, out error) ? (newLow, newHigh) : null;
    }

    /// <summary>
    /// Moves <paramref name="low"/> and <paramref name="high"/> with a value that changes from <paramref name="value"/> to
    /// <paramref name="newValue"/>. False with <paramref name="error"/> when the range cannot follow; false without an
    /// error when there is nothing to move (a value outside what the kind allows: the reader says why).
    /// </summary>
    internal static bool TryMove(ParameterKind kind, double value, double low, double high, double newValue,
        out double newLow, out double newHigh, out string? error)
    {
        error = null;
        newLow = low;
        newHigh = high;
        if (!(double.IsFinite(value) && double.IsFinite(low) && double.IsFinite(high) && double.IsFinite(newValue))) return false;
        if (low == high)
        {
            // low = high holds the parameter fixed at value: it stays fixed, at the new value.
            newLow = newHigh = newValue;
            return true;
        }
        switch (kind)
        {
            case ParameterKind.Probability:
                if (newValue is < 0 or > 1) return false;
                if (newValue is 0 or 1 || value <= 0 || value >= 1)
                {
                    error = $"the range (low {Plain(low)}, high {Plain(high)}) cannot follow value {Plain(newValue)}: it moves on the " +
                            "logit scale, which has no room at 0 or 1; set low and high too, or give a fixed value";
                    return false;
                }
                double shift = Logit(newValue) - Logit(value);
                newLow = Logistic(Logit(low) + shift);
                newHigh = Logistic(Logit(high) + shift);
                break;
            case ParameterKind.Rate:
                newLow = low + (newValue - value);
                newHigh = high + (newValue - value);
                break;
            default:
                if (newValue < 0) return false;
                if (newValue == 0 || value <= 0)
                {
                    error = $"the range (low {Plain(low)}, high {Plain(high)}) cannot follow value {Plain(newValue)}: it scales by " +
                            "new/old value, which has no room at 0; set low and high too, or give a fixed value";
                    return false;
                }
                newLow = low * (newValue / value);
                newHigh = high * (newValue / value);
                break;
        }
        // Twelve significant digits drop the last bits of floating-point noise (0.30000000000000004), far below any
        // meaning; the value itself stays inside its range.
        newLow = Math.Min(Tidy(newLow), newValue);
        newHigh = Math.Max(Tidy(newHigh), newValue);
        return true;
    }

    /// <summary>
    /// Applies the rule to the parameter object <paramref name="parameter"/> before its <c>value</c> becomes
    /// <paramref name="newValue"/>: null when <c>low</c> and <c>high</c> were moved or there was nothing to move, else why not.
    /// </summary>
    internal static string? Apply(JsonObject parameter, ParameterKind kind, double newValue)
    {
        if (Number(parameter, "value") is not { } value || Number(parameter, "low") is not { } low || Number(parameter, "high") is not { } high)
            return null;
        if (!TryMove(kind, value, low, high, newValue, out double newLow, out double newHigh, out string? error)) return error;
        parameter["low"] = JsonValue.Create(newLow);
        parameter["high"] = JsonValue.Create(newHigh);
        return null;
    }

    /// <summary>True for a shorthand object (no <c>distribution</c>) with numeric <c>value</c>, <c>low</c> and <c>high</c>.</summary>
    internal static bool HasRange(JsonNode? node) =>
        node is JsonObject o && !o.ContainsKey("distribution") && Number(o, "value") is not null && Number(o, "low") is not null
        && Number(o, "high") is not null;

    private static double? Number(JsonObject o, string name) => NumberOf(o[name]);

    /// <summary>The number <paramref name="node"/> holds, else null. Read from its JSON text: <c>GetValue&lt;double&gt;</c>
    /// throws for a node created from an integer.</summary>
    internal static double? NumberOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static double Logit(double p) => Math.Log(p) - Math.Log(1 - p);

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Tidy(double x) => double.Parse(x.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Plain(double x) => InvariantFormat.Number(x);
}
