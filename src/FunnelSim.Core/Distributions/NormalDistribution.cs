using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Normal(<paramref name="MeanValue"/>, <paramref name="Sd"/>): the family for rates that may be negative.</summary>
public sealed record NormalDistribution(double MeanValue, double Sd) : Distribution
{
    /// <inheritdoc />
    public override double Mean => MeanValue;
    /// <inheritdoc />
    public override double StandardDeviation => Sd;
    /// <inheritdoc />
    public override double Minimum => double.NegativeInfinity;
    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;
    /// <inheritdoc />
    public override double InverseCdf(double u) => MathNet.Numerics.Distributions.Normal.InvCDF(MeanValue, Sd, u);
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => MeanValue + Sd * rng.NextStandardNormal();
}
