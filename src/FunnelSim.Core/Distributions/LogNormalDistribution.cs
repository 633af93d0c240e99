using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>Log-normal given the mean and standard deviation of the variable itself (natural scale).</summary>
public sealed record LogNormalDistribution(double MeanValue, double Sd) : Distribution
{
    /// <summary>σ of ln X: <c>sqrt(ln(1 + sd²/mean²))</c>.</summary>
    public double SigmaLog => Math.Sqrt(Math.Log(1 + Sd * Sd / (MeanValue * MeanValue)));
    /// <summary>μ of ln X: <c>ln mean − σ²/2</c>.</summary>
    public double MuLog => Math.Log(MeanValue) - 0.5 * SigmaLog * SigmaLog;
    /// <inheritdoc />
    public override double Mean => MeanValue;
    /// <inheritdoc />
    public override double StandardDeviation => Sd;
    /// <inheritdoc />
    public override double Minimum => 0;
    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;
    /// <inheritdoc />
    public override double InverseCdf(double u) => Math.Exp(MuLog + SigmaLog * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u));
    /// <inheritdoc />
    public override double Sample(ref Rng rng) => Math.Exp(MuLog + SigmaLog * rng.NextStandardNormal());
}
