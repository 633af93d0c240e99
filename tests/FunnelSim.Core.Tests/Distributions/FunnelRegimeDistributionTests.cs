using FunnelSim.Core.Tests.Statistics;
using FunnelSim.Distributions;
using FunnelSim.Sampling;
using MathNet.Numerics.Distributions;

namespace FunnelSim.Core.Tests.Distributions;

/// <summary>
/// The distributions in the regimes the base case puts them in (a prevalence Beta(15, 6000), a specificity
/// Beta(1567, 0.157), a national incidence log-normal, PERT and triangular probabilities), against MathNet.Numerics:
/// sample mean and sd within their standard errors, a Kolmogorov–Smirnov fit, and InverseCdf. The generic cases
/// are in <see cref="DistributionSamplingTests"/>. Seeds are fixed.
/// </summary>
public class FunnelRegimeDistributionTests
{
    private const int Draws = 100_000;

    private static readonly string[] All =
    [
        "beta(15,6000)", "beta(1567,0.157)", "gamma(7,0.5)", "lognormal(195000,5900)", "lognormal(6.8,1.3)",
        "normal(0.01,0.005)", "uniform(0.4,0.6)", "triangular(0.7,0.8,0.9)", "pert(0.3,0.45,0.7)",
    ];

    public static TheoryData<string> Names => new(All);

    /// <summary>
    /// Beta(1567, 0.157) (a specificity of 0.9999 with its range) is left out of the fit tests: about 1% of its mass
    /// lies within 10⁻¹⁶ of 1, where every draw rounds to 1.0 in double precision, and MathNet's inverse cdf does not
    /// converge there. Its moments are still checked.
    /// </summary>
    public static TheoryData<string> FitNames => new(All.Where(n => n != "beta(1567,0.157)"));

    private static (Distribution Ours, IContinuousDistribution Reference) Pair(string name) => name switch
    {
        "beta(15,6000)" => (new BetaDistribution(15, 6000), new Beta(15, 6000)),
        "beta(1567,0.157)" => (new BetaDistribution(1567, 0.157), new Beta(1567, 0.157)),
        "gamma(7,0.5)" => (new GammaDistribution(7, 0.5), new Gamma(7, 2)),
        "lognormal(195000,5900)" => LogNormalPair(195000, 5900),
        "lognormal(6.8,1.3)" => LogNormalPair(6.8, 1.3),
        "normal(0.01,0.005)" => (new NormalDistribution(0.01, 0.005), new Normal(0.01, 0.005)),
        "uniform(0.4,0.6)" => (new UniformDistribution(0.4, 0.6), new ContinuousUniform(0.4, 0.6)),
        "triangular(0.7,0.8,0.9)" => (new TriangularDistribution(0.7, 0.8, 0.9), new Triangular(0.7, 0.9, 0.8)),
        "pert(0.3,0.45,0.7)" => (new PertDistribution(0.3, 0.45, 0.7), new ScaledBeta(0.3, 0.7, 1 + 4 * 0.15 / 0.4, 1 + 4 * 0.25 / 0.4)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static (Distribution, IContinuousDistribution) LogNormalPair(double mean, double sd)
    {
        var ours = new LogNormalDistribution(mean, sd);
        return (ours, new LogNormal(ours.MuLog, ours.SigmaLog));
    }

    private static double[] Sample(Distribution distribution, ulong seed)
    {
        var rng = Rng.FromSeed(seed);
        var draws = new double[Draws];
        for (int i = 0; i < Draws; i++) draws[i] = distribution.Sample(ref rng);
        return draws;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MeanAndSdMatchWithinStandardErrors(string name)
    {
        var (ours, reference) = Pair(name);
        Assert.Equal(reference.Mean, ours.Mean, Math.Abs(reference.Mean) * 1e-9 + 1e-15);
        Assert.Equal(reference.StdDev, ours.StandardDeviation, reference.StdDev * 1e-6);

        var moments = SampleMoments.Of(Sample(ours, 11));
        double meanTolerance = 4 * ours.StandardDeviation / Math.Sqrt(Draws);
        Assert.InRange(moments.Mean, ours.Mean - meanTolerance, ours.Mean + meanTolerance);
        double varianceTolerance = 5 * SampleMoments.VarianceStandardError(Draws, moments.Variance, moments.FourthCentralMoment);
        double variance = ours.StandardDeviation * ours.StandardDeviation;
        Assert.InRange(moments.Variance, variance - varianceTolerance, variance + varianceTolerance);
    }

    [Theory]
    [MemberData(nameof(FitNames))]
    public void DrawsFitTheReferenceCdf(string name)
    {
        var (ours, reference) = Pair(name);
        var fit = KolmogorovSmirnov.Test(Sample(ours, 23), reference.CumulativeDistribution);
        Assert.False(fit.Rejected, fit.ToString());
    }

    [Theory]
    [MemberData(nameof(FitNames))]
    public void InverseCdfAgreesWithTheReference(string name)
    {
        var (ours, reference) = Pair(name);
        foreach (double u in new[] { 0.025, 0.2, 0.5, 0.8, 0.975 })
        {
            double x = ours.InverseCdf(u);
            Assert.Equal(u, reference.CumulativeDistribution(x), 1e-6);
        }
    }

    /// <summary>A Beta on [min, max], the reference for PERT.</summary>
    private sealed class ScaledBeta(double min, double max, double a, double b) : IContinuousDistribution
    {
        private readonly Beta _beta = new(a, b);
        public double Mean => min + (max - min) * _beta.Mean;
        public double StdDev => (max - min) * _beta.StdDev;
        public double CumulativeDistribution(double x) => _beta.CumulativeDistribution((x - min) / (max - min));
        public double Mode => throw new NotSupportedException();
        public double Median => throw new NotSupportedException();
        public double Minimum => min;
        public double Maximum => max;
        public double Variance => StdDev * StdDev;
        public double Entropy => throw new NotSupportedException();
        public double Skewness => throw new NotSupportedException();
        public System.Random RandomSource { get; set; } = new();
        public double Density(double x) => throw new NotSupportedException();
        public double DensityLn(double x) => throw new NotSupportedException();
        public double Sample() => throw new NotSupportedException();
        public void Samples(double[] values) => throw new NotSupportedException();
        public IEnumerable<double> Samples() => throw new NotSupportedException();
    }
}
