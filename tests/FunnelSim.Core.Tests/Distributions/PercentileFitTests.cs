using FunnelSim.Distributions;
using FunnelSim.Sampling;

namespace FunnelSim.Core.Tests.Distributions;

/// <summary>
/// A written range { value, low, high } is the fitted distribution's 2.5th and 97.5th percentiles: exactly (closed form or
/// root finder), and in the draws the engine makes (empirical coverage within the Monte Carlo error).
/// </summary>
public class PercentileFitTests
{
    private const int Draws = 200_000;
    private const ulong Seed = 20_261_205;

    public static TheoryData<string, double, double> Ranges => new()
    {
        // The shipped base case's ranges of each family, and harder ones.
        { "beta", 0.55, 0.7 },
        { "beta", 0.0015, 0.004 },
        { "beta", 0.999, 0.99999 },
        { "beta", 0.02, 0.3 },
        { "beta", 0.85, 0.98 },
        { "beta", 0.01, 0.99 },
        { "beta", 1e-6, 1e-5 },
        { "lognormal", 23285, 35000 },
        { "lognormal", 129.4, 16296 },
        { "lognormal", 7000, 11500 },
        { "normal", -0.015, 0.015 },
        { "normal", 0.005, 0.035 },
    };

    private static Distribution Fit(string family, double low, double high) => family switch
    {
        "beta" => PercentileFit.Beta(low, high)!,
        "lognormal" => PercentileFit.LogNormal(low, high),
        _ => PercentileFit.Normal(low, high),
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Low_and_high_are_the_fitted_2_5th_and_97_5th_percentiles(string family, double low, double high)
    {
        var fitted = Fit(family, low, high);

        Assert.NotNull(fitted);
        Assert.Equal(0.025, PercentileFit.CumulativeAt(fitted, low), 1e-9);
        Assert.Equal(0.975, PercentileFit.CumulativeAt(fitted, high), 1e-9);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Draws_fall_below_low_and_above_high_2_5_percent_of_the_time(string family, double low, double high)
    {
        // Given the engine's own sampler at a fixed seed
        var fitted = Fit(family, low, high);
        var rng = Rng.FromSeed(Seed);
        int below = 0, above = 0;
        for (int i = 0; i < Draws; i++)
        {
            double x = fitted.Sample(ref rng);
            if (x < low) below++;
            else if (x > high) above++;
        }

        // Then each tail holds 2.5% within four binomial standard errors
        double tolerance = 4 * Math.Sqrt(0.025 * 0.975 / Draws);
        Assert.Equal(0.025, below / (double)Draws, tolerance);
        Assert.Equal(0.025, above / (double)Draws, tolerance);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.6, 0.6)]
    [InlineData(0.7, 0.6)]
    public void Beta_has_no_fit_for_an_edge_or_empty_range(double low, double high) =>
        Assert.Null(PercentileFit.Beta(low, high));
}
