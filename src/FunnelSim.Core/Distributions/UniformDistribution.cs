using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Uniform on [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
public sealed record UniformDistribution(double Min, double Max) : Distribution
{
    /// <inheritdoc />
    public override double Mean => 0.5 * (Min + Max);
    /// <inheritdoc />
    public override double StandardDeviation => (Max - Min) / Math.Sqrt(12);
    /// <inheritdoc />
    public override double Minimum => Min;
    /// <inheritdoc />
    public override double Maximum => Max;
    /// <inheritdoc />
    public override double InverseCdf(double u) => Min + u * (Max - Min);
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => InverseCdf(rng.NextDouble());
}
