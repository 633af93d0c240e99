using FunnelSim.Sampling;
using MathNet.Numerics;

namespace FunnelSim.Core.Tests.Sampling;

public class StirlingCorrectionTests
{
    [Theory]
    // Reference values from mpmath at 40 digits: ln Γ(k + 1) − (k + ½) ln(k + 1) + (k + 1) − ½ ln 2π.
    [InlineData(10, 0.007573675487951841)]
    [InlineData(11, 0.00694284010720953)]
    [InlineData(15, 0.0052076559196096404)]
    [InlineData(30, 0.002688078828531143)]
    [InlineData(100, 0.0008250798122425884)]
    [InlineData(1000, 8.325008048062296e-05)]
    [InlineData(1000000, 8.333325000008055e-08)]
    public void Series_matches_high_precision_values(double k, double expected) =>
        // The series is truncated after 1/(1680 m⁷); the next term at k = 10 is 1.2e-12.
        Assert.Equal(expected, StirlingCorrection.Of(k), 1.3e-12);

    [Fact]
    public void Table_matches_the_definition_through_MathNet_log_factorial()
    {
        for (int k = 0; k < 10; k++)
        {
            double exact = SpecialFunctions.FactorialLn(k) - (k + 0.5) * Math.Log(k + 1) + (k + 1) - 0.5 * Math.Log(2 * Math.PI);
            Assert.Equal(exact, StirlingCorrection.Of(k), 1e-14);
        }
    }

    [Theory]
    // ln(1 + x) from mpmath; small x is where Math.Log(1 + x) loses digits.
    [InlineData(1e-10, 9.9999999995e-11)]
    [InlineData(-1e-12, -1.0000000000005e-12)]
    [InlineData(0.001, 0.0009995003330835331)]
    [InlineData(-0.5, -0.6931471805599453)]
    [InlineData(3, 1.3862943611198906)]
    [InlineData(1e-300, 1e-300)]
    public void Log1P_is_accurate_to_a_few_ulps(double x, double expected) =>
        Assert.Equal(expected, Log1P.Of(x), Math.Abs(expected) * 4e-16);
}
