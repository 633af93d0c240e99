using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Triangular on [<paramref name="Min"/>, <paramref name="Max"/>] with peak at <paramref name="Mode"/>.</summary>
public sealed record TriangularDistribution(double Min, double Mode, double Max) : Distribution
{
    /// <inheritdoc />
    public override double Mean => (Min + Mode + Max) / 3;
    /// <inheritdoc />
    public override double StandardDeviation =>
        Math.Sqrt((Min * Min + Mode * Mode + Max * Max - Min * Mode - Min * Max - Mode * Max) / 18);
    /// <inheritdoc />
    public override double Minimum => Min;
    /// <inheritdoc />
    public override double Maximum => Max;
    /// <inheritdoc />
    public override double InverseCdf(double u)
    {
        double width = Max - Min;
        if (width <= 0) return Min;
        double split = (Mode - Min) / width;
        return u < split
            ? Min + Math.Sqrt(u * width * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * width * (Max - Mode));
    }
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => InverseCdf(rng.NextDouble());
}
