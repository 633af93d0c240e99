using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>No uncertainty: every draw is <paramref name="Value"/>.</summary>
public sealed record FixedDistribution(double Value) : Distribution
{
    /// <inheritdoc />
    public override double Mean => Value;
    /// <inheritdoc />
    public override double StandardDeviation => 0;
    /// <inheritdoc />
    public override double Minimum => Value;
    /// <inheritdoc />
    public override double Maximum => Value;
    /// <inheritdoc />
    public override double InverseCdf(double u) => Value;
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => Value;
}
