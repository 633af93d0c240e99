using FunnelSim.Distributions;

namespace FunnelSim.Core.Tests.Distributions;

public class BetaDistributionTests
{
    [Theory]
    // k = m(1 − m)/sd² − 1; α = m k, β = (1 − m) k.
    [InlineData(0.3, 0.1, 6, 14)]
    [InlineData(0.5, 0.25, 1.5, 1.5)]
    [InlineData(0.02, 0.01, 3.9, 191.1)]
    public void FromMoments_matches_the_moments(double mean, double sd, double alpha, double beta)
    {
        var fitted = BetaDistribution.FromMoments(mean, sd);

        Assert.NotNull(fitted);
        Assert.Equal(alpha, fitted.Alpha, 1e-9);
        Assert.Equal(beta, fitted.Beta, 1e-9);
        Assert.Equal(mean, fitted.Mean, 1e-12);
        Assert.Equal(sd, fitted.StandardDeviation, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 0.1)]
    [InlineData(1.0, 0.1)]
    [InlineData(-0.2, 0.1)]
    [InlineData(1.2, 0.1)]
    [InlineData(0.3, 0.0)]
    [InlineData(0.3, -0.1)]
    [InlineData(0.5, 0.5)]      // sd² = m(1 − m): only the two-point limit, not a Beta
    [InlineData(0.3, 0.6)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(0.3, double.NaN)]
    public void FromMoments_returns_null_when_no_Beta_has_the_moments(double mean, double sd) =>
        Assert.Null(BetaDistribution.FromMoments(mean, sd));
}
