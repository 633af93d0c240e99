using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>
/// PERT on [<paramref name="Min"/>, <paramref name="Max"/>] with mode <paramref name="Mode"/>: a scaled Beta with
/// <c>α = 1 + 4 (mode − min)/(max − min)</c>, <c>β = 1 + 4 (max − mode)/(max − min)</c>, mean <c>(min + 4·mode + max)/6</c>.
/// </summary>
public sealed record PertDistribution(double Min, double Mode, double Max) : Distribution
{
    private double Range => Max - Min;
    private double Alpha => 1 + 4 * (Mode - Min) / Range;
    private double BetaParameter => 1 + 4 * (Max - Mode) / Range;

    /// <inheritdoc />
    public override double Mean => (Min + 4 * Mode + Max) / 6;
    /// <inheritdoc />
    public override double StandardDeviation
    {
        get
        {
            double a = Alpha, b = BetaParameter, s = a + b;
            return Range * Math.Sqrt(a * b / (s * s * (s + 1)));
        }
    }
    /// <inheritdoc />
    public override double Minimum => Min;
    /// <inheritdoc />
    public override double Maximum => Max;
    /// <inheritdoc />
    public override double InverseCdf(double u) =>
        Range <= 0 ? Min : Min + Range * MathNet.Numerics.Distributions.Beta.InvCDF(Alpha, BetaParameter, u);
    /// <inheritdoc />
    public override double Sample(ref Rng rng)
    {
        if (Range <= 0) return Min;
        double x = GammaDistribution.SampleStandard(ref rng, Alpha);
        double y = GammaDistribution.SampleStandard(ref rng, BetaParameter);
        return Min + Range * (x / (x + y));
    }
}
