using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>
/// An accurate <c>ln(1 + x)</c>. .NET has no <c>Math.Log1P</c>, and <c>double.LogP1</c> is computed as
/// <c>Math.Log(x + 1)</c>, which loses the low digits of small <c>x</c> that the samplers' rejection tests need.
/// </summary>
internal static class Log1P
{
    /// <summary><c>ln(1 + x)</c> to a few ulps for <c>x &gt; −1</c>.</summary>
    /// <remarks>
    /// Goldberg's correction ("What every computer scientist should know about floating-point arithmetic",
    /// 1991, theorem 4): <c>1 + x</c> is rounded, but dividing by the rounded <c>(1 + x) − 1</c> cancels the error.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
