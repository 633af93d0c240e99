using FunnelSim.Formatting;

namespace FunnelSim.Calibration;

/// <summary>Numbers of a calibration for people: the common formatter, except near 1, where a specificity of 0.9995 and
/// one of 0.996 must not both read "1".</summary>
public static class CalibrationFormat
{
    /// <summary>One value.</summary>
    public static string Value(double value) =>
        value is > 0.99 and < 1 ? value.ToString("0.0000", HumanNumber.Culture) : HumanNumber.Count(value);

    /// <summary><c>mean (P5–P95)</c>.</summary>
    public static string Interval(Interval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return $"{Value(interval.Mean)} ({Value(interval.P5)}–{Value(interval.P95)})";
    }
}
