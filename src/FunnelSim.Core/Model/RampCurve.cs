
namespace FunnelSim.Model;

/// <summary>The progress <c>f(x)</c> of a <see cref="Ramp"/>, with <c>x = min(t / years, 1)</c>; see docs/scenario-format.md.</summary>
public static class RampCurve
{
    /// <summary>Bass innovation coefficient p (Sultan, Farley and Lehmann 1990 meta-analysis average).</summary>
    public const double BassInnovation = 0.03;
    /// <summary>Bass imitation coefficient q (same source).</summary>
    public const double BassImitation = 0.38;

    private static readonly double BassHorizon =
        Math.Log((1 + 0.95 * BassImitation / BassInnovation) / 0.05) / (BassInnovation + BassImitation);

    /// <summary>Progress in [0, 1] of a ramp of <paramref name="shape"/> after <paramref name="t"/> of <paramref name="years"/> years.</summary>
    public static double Progress(RampShape shape, double t, double years)
    {
        double x = Math.Clamp(t / years, 0, 1);
        return shape switch
        {
            RampShape.Linear => x,
            RampShape.SCurve => x * x * (3 - 2 * x),
            RampShape.Bass => x >= 1 ? 1 : BassCumulative(x * BassHorizon) / BassCumulative(BassHorizon),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    private static double BassCumulative(double tau)
    {
        double e = Math.Exp(-(BassInnovation + BassImitation) * tau);
        return (1 - e) / (1 + BassImitation / BassInnovation * e);
    }
}
