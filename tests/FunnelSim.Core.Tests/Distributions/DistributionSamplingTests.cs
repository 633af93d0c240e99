using FunnelSim.Core.Tests.Statistics;
using FunnelSim.Distributions;
using FunnelSim.Sampling;
using MathNet.Numerics.Distributions;

namespace FunnelSim.Core.Tests.Distributions;

public class DistributionSamplingTests
{
    private const int Draws = 100_000;
    private const ulong Seed = 20_240_919;

    /// <summary>Each distribution with its exact cdf from MathNet (PERT through the scaled Beta it is).</summary>
    private static readonly Dictionary<string, (Distribution Distribution, Func<double, double> Cdf)> Cases = new()
    {
        ["Beta(2, 5)"] = (new BetaDistribution(2, 5), x => Beta.CDF(2, 5, x)),
        ["Beta(0.5, 0.8)"] = (new BetaDistribution(0.5, 0.8), x => Beta.CDF(0.5, 0.8, x)),
        ["Gamma(3, scale 2)"] = (new GammaDistribution(3, 2), x => Gamma.CDF(3, 1 / 2.0, x)),
        ["Gamma(0.4, scale 1.5)"] = (new GammaDistribution(0.4, 1.5), x => Gamma.CDF(0.4, 1 / 1.5, x)),
        ["LogNormal(mean 10, sd 4)"] = (new LogNormalDistribution(10, 4), LogNormalCdf(new LogNormalDistribution(10, 4))),
        ["Normal(5, 2)"] = (new NormalDistribution(5, 2), x => Normal.CDF(5, 2, x)),
        ["Normal(-1, 0.01)"] = (new NormalDistribution(-1, 0.01), x => Normal.CDF(-1, 0.01, x)),
        ["Uniform(1, 4)"] = (new UniformDistribution(1, 4), x => ContinuousUniform.CDF(1, 4, x)),
        ["Triangular(0, 2, 10)"] = (new TriangularDistribution(0, 2, 10), x => Triangular.CDF(0, 10, 2, x)),
        ["Triangular(0, 0, 1)"] = (new TriangularDistribution(0, 0, 1), x => Triangular.CDF(0, 1, 0, x)),
        // PERT(0, 2, 10): α = 1 + 4·2/10 = 1.8, β = 1 + 4·8/10 = 4.2 on [0, 10].
        ["Pert(0, 2, 10)"] = (new PertDistribution(0, 2, 10), x => Beta.CDF(1.8, 4.2, x / 10)),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_mean_and_sd_match_the_record_within_four_standard_errors(string name)
    {
        var distribution = Cases[name].Distribution;
        var sample = SampleMoments.Of(Draw(distribution));

        double sd = distribution.StandardDeviation;
        double meanTolerance = 4 * sd / Math.Sqrt(Draws);
        // SE(s) ≈ SE(s²)/(2σ); μ₄ is estimated from the sample, as no record exposes its kurtosis.
        double sdTolerance = 4 * SampleMoments.VarianceStandardError(Draws, sd * sd, sample.FourthCentralMoment) / (2 * sd);
        Assert.True(Math.Abs(sample.Mean - distribution.Mean) <= meanTolerance,
            $"{name}: mean {sample.Mean} vs {distribution.Mean} ± {meanTolerance}");
        Assert.True(Math.Abs(sample.StandardDeviation - sd) <= sdTolerance,
            $"{name}: sd {sample.StandardDeviation} vs {sd} ± {sdTolerance}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Draws_pass_Kolmogorov_Smirnov_against_MathNet(string name)
    {
        var (distribution, cdf) = Cases[name];
        double[] draws = Draw(distribution);
        Assert.All(draws, x => Assert.InRange(x, distribution.Minimum, distribution.Maximum));

        var fit = KolmogorovSmirnov.Test(draws, cdf);

        Assert.False(fit.Rejected, $"{name}: {fit}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void InverseCdf_inverts_the_MathNet_cdf(string name)
    {
        var (distribution, cdf) = Cases[name];
        // Not below 1e-5: there MathNet 5.0.0's Gamma(0.4) InvCDF is 50 % off and its CDF returns 0.
        foreach (double u in new[] { 1e-5, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-5 })
        {
            double x = distribution.InverseCdf(u);
            // Relative to the nearer tail's probability, which is what a Latin hypercube stratum needs; MathNet's
            // Beta inverse is a root search to about 1e-12 in x (3.7e-9 relative in F at PERT's u = 1e-5), and
            // near 1 one ulp of x moves F by about 1e-14 where the density is unbounded (β < 1).
            double tolerance = 1e-8 * Math.Min(u, 1 - u) + 1e-13;
            Assert.True(Math.Abs(cdf(x) - u) <= tolerance, $"{name}: F(F⁻¹({u})) = {cdf(x)}");
        }
    }

    [Fact]
    public void InverseCdf_agrees_with_MathNet_InvCDF()
    {
        var logNormal = new LogNormalDistribution(10, 4);
        var pairs = new (string Name, Func<double, double> Ours, Func<double, double> MathNet)[]
        {
            ("Beta", new BetaDistribution(2, 5).InverseCdf, u => Beta.InvCDF(2, 5, u)),
            ("Gamma", new GammaDistribution(0.4, 1.5).InverseCdf, u => Gamma.InvCDF(0.4, 1 / 1.5, u)),
            ("LogNormal", logNormal.InverseCdf, u => LogNormal.InvCDF(logNormal.MuLog, logNormal.SigmaLog, u)),
            ("Normal", new NormalDistribution(5, 2).InverseCdf, u => Normal.InvCDF(5, 2, u)),
            ("Uniform", new UniformDistribution(1, 4).InverseCdf, u => ContinuousUniform.InvCDF(1, 4, u)),
            ("Triangular", new TriangularDistribution(0, 2, 10).InverseCdf, u => Triangular.InvCDF(0, 10, 2, u)),
            ("Pert", new PertDistribution(0, 2, 10).InverseCdf, u => 10 * Beta.InvCDF(1.8, 4.2, u)),
        };
        foreach (var (name, ours, mathNet) in pairs)
        {
            foreach (double u in new[] { 0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999 })
            {
                double expected = mathNet(u);
                Assert.True(Math.Abs(ours(u) - expected) <= 1e-10 * Math.Max(1, Math.Abs(expected)),
                    $"{name}: InverseCdf({u}) = {ours(u)}, MathNet {expected}");
            }
        }
    }

    private static Func<double, double> LogNormalCdf(LogNormalDistribution d) =>
        x => LogNormal.CDF(d.MuLog, d.SigmaLog, x);

    private static double[] Draw(Distribution distribution)
    {
        var rng = Rng.FromSeed(Seed);
        var draws = new double[Draws];
        for (int i = 0; i < Draws; i++) draws[i] = distribution.Sample(ref rng);
        return draws;
    }
}
