namespace FunnelSim.Formatting;

public static partial class HumanNumber
{
    /// <summary>
    /// An input's value (an estimate, a percentile): as <see cref="Count"/>, except just below 1, where a specificity of
    /// 0.9995 and one of 0.996 must not both read "1": four decimals there.
    /// </summary>
    public static string Estimate(double value) => value is > 0.99 and < 1 ? value.ToString("0.0000", Culture) : Count(value);
}
