using FunnelSim.Analysis;

namespace FunnelSim.Core.Tests.Analysis;

public class StandardizedRegressionTests
{
    [Fact]
    public void AnExactLinearModelGivesItsStandardizedCoefficientsAndRSquaredOne()
    {
        // y = 2·a − 0.5·b + 7, with a and b uncorrelated by construction (a full 20 × 20 grid).
        double[] a = [.. Enumerable.Range(0, 400).Select(i => (double)(i % 20))];
        double[] b = [.. Enumerable.Range(0, 400).Select(i => (double)(i / 20) * 3)];
        double[] y = [.. a.Zip(b, (u, v) => 2 * u - 0.5 * v + 7)];

        var (coefficients, rSquared) = StandardizedRegression.Fit([a, b], y);

        double sd(double[] v) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(v);
        Assert.Equal(2 * sd(a) / sd(y), coefficients[0], 1e-9);
        Assert.Equal(-0.5 * sd(b) / sd(y), coefficients[1], 1e-9);
        Assert.Equal(1, rSquared, 1e-12);
    }

    [Fact]
    public void TheHeldOutLinearBaselineIsJudgedOnRowsItWasNotFittedOn()
    {
        // y = 2·a − 0.5·b + 7 exactly: R² 1 on the held-out rows; a quadratic it cannot follow: R² near 0.
        double[] a = [.. Enumerable.Range(0, 400).Select(i => (double)(i % 20))];
        double[] b = [.. Enumerable.Range(0, 400).Select(i => (double)(i / 20) * 3)];
        double[] y = [.. a.Zip(b, (u, v) => 2 * u - 0.5 * v + 7)];
        Assert.Equal(1, StandardizedRegression.HeldOutRSquared([a, b], y, 80), 1e-9);

        double[] bowl = [.. a.Select(u => (u - 9.5) * (u - 9.5))];
        Assert.InRange(StandardizedRegression.HeldOutRSquared([a], bowl, 80), -0.1, 0.1);
    }
}
