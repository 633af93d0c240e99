using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Gamma with <paramref name="Shape"/> k and <paramref name="Scale"/> θ (mean kθ).</summary>
public sealed record GammaDistribution(double Shape, double Scale) : Distribution
{
    /// <inheritdoc />
    public override double Mean => Shape * Scale;
    /// <inheritdoc />
    public override double StandardDeviation => Math.Sqrt(Shape) * Scale;
    /// <inheritdoc />
    public override double Minimum => 0;
    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;
    /// <inheritdoc />
    public override double InverseCdf(double u) => MathNet.Numerics.Distributions.Gamma.InvCDF(Shape, 1.0 / Scale, u);
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => SampleStandard(ref rng, Shape) * Scale;

    /// <summary>
    /// Gamma(shape, 1) by Marsaglia and Tsang (2000); for shape &lt; 1 the boost
    /// <c>G(a) = G(a + 1) · U^(1/a)</c>. Same algorithm as MathNet's, on our own stream so draws are reproducible.
    /// </summary>
    internal static double SampleStandard(ref Rng rng, double shape)
    {
        double boost = 1;
        if (shape < 1)
        {
            boost = Math.Exp(Math.Log(rng.NextOpenDouble()) / shape); // U^(1/a), cheaper than Math.Pow
            shape += 1;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextStandardNormal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.NextOpenDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) return d * v * boost;
            if (Math.Log(u) < 0.5 * x2 + d * (1 - v + Math.Log(v))) return d * v * boost;
        }
    }
}
