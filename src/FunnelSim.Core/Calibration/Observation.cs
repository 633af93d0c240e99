namespace FunnelSim.Calibration;

/// <summary>
/// One observed yearly count: <paramref name="Value"/> patients counted in <paramref name="Metric"/> for
/// <paramref name="Indication"/> (an indication id, or <c>total</c>) in calendar year <paramref name="Year"/>, over
/// <paramref name="Fraction"/> of that year (1 for the whole year). <paramref name="Path"/> names it in the file
/// (<c>observations[2]</c>) for messages.
/// </summary>
public sealed record Observation(string Indication, int Year, string Metric, long Value, double Fraction, string Path)
{
    /// <summary>The indication name that stands for the sum over indications.</summary>
    public const string Total = "total";

    /// <summary><c>nsclc treatedNew 2026</c> (with the fraction where it is not a whole year).</summary>
    public override string ToString() =>
        Fraction == 1 ? $"{Indication} {Metric} {Year}" : $"{Indication} {Metric} {Year} ({Fraction:0.###} of the year)";
}
