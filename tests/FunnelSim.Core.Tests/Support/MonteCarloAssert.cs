using FunnelSim.Results;

namespace FunnelSim.Core.Tests.Support;

/// <summary>Assertions with tolerances from the Monte Carlo standard error, never widened to pass.</summary>
internal static class MonteCarloAssert
{
    /// <summary>The metric's mean lies within 4 MCSE of the exact expectation.</summary>
    public static void MeanIs(double expected, MetricSummary actual, string what)
    {
        double tolerance = 4 * actual.Mcse + 1e-9;
        Assert.True(Math.Abs(actual.Mean - expected) <= tolerance,
            $"{what}: mean {actual.Mean} vs expected {expected} (tolerance {tolerance})");
    }
}
