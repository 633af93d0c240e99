using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Beta(<paramref name="Alpha"/>, <paramref name="Beta"/>) on [0, 1]: the family for probabilities.</summary>
public sealed record BetaDistribution(double Alpha, double Beta) : Distribution
{
    /// <summary>Moment-matched Beta with the given mean and standard deviation, or null when none exists
    /// (a Beta needs <c>0 &lt; mean &lt; 1</c> and <c>sd² &lt; mean (1 − mean)</c>).</summary>
    public static BetaDistribution? FromMoments(double mean, double sd)
    {
        double variance = sd * sd;
        if (!(mean > 0 && mean < 1 && sd > 0 && variance < mean * (1 - mean))) return null;
        double k = mean * (1 - mean) / variance - 1;
        return new BetaDistribution(mean * k, (1 - mean) * k);
    }

    /// <summary>P(X ≤ <paramref name="x"/>): the regularized incomplete beta function, accurate in both tails.</summary>
    public double CumulativeAt(double x) =>
        x <= 0 ? 0 : x >= 1 ? 1 : MathNet.Numerics.SpecialFunctions.BetaRegularized(Alpha, Beta, x);

    /// <inheritdoc />
    public override double Mean => Alpha / (Alpha + Beta);
    /// <inheritdoc />
    public override double StandardDeviation
    {
        get { double s = Alpha + Beta; return Math.Sqrt(Alpha * Beta / (s * s * (s + 1))); }
    }
    /// <inheritdoc />
    public override double Minimum => 0;
    /// <inheritdoc />
    public override double Maximum => 1;
    /// <inheritdoc />
    public override double InverseCdf(double u) => MathNet.Numerics.Distributions.Beta.InvCDF(Alpha, Beta, u);
    /// <inheritdoc />
    public override double Sample(ref Rng rng)
    {
        double x = GammaDistribution.SampleStandard(ref rng, Alpha);
        double y = GammaDistribution.SampleStandard(ref rng, Beta);
        return x / (x + y);
    }
}
