using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>
/// The remainder of Stirling's formula as Hörmann (1993) writes it:
/// <c>fc(k) = ln k! − (k + ½) ln(k + 1) + (k + 1) − ½ ln 2π</c>.
/// The rejection tests of <see cref="BinomialSampler"/> and <see cref="PoissonSampler"/> need ratios of
/// factorials at large arguments; writing <c>ln k!</c> through this small correction keeps the large terms
/// in a form that cancels algebraically instead of in floating point.
/// </summary>
internal static class StirlingCorrection
{
    // Exact values for k = 0..9, where the asymptotic series is not yet accurate to double precision
    // (computed with mpmath at 30 digits).
    private static ReadOnlySpan<double> Table =>
    [
        0.08106146679532726,
        0.0413406959554093,
        0.02767792568499834,
        0.020790672103765093,
        0.016644691189821193,
        0.013876128823070748,
        0.01189670994589177,
        0.010411265261972096,
        0.009255462182712733,
        0.00833056343336287,
    ];

    /// <summary><c>fc(k)</c> for an integer-valued <paramref name="k"/> ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double k)
    {
        if (k < 10) return Table[(int)k];
        // 1/(12 m) − 1/(360 m³) + 1/(1260 m⁵) − 1/(1680 m⁷) with m = k + 1; the first omitted term,
        // 1/(1188 m⁹), is below 1.3e-12 from k = 10 on.
        double m = k + 1;
        double r2 = 1 / (m * m);
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - r2 / 1680) * r2) * r2) / m;
    }
}
