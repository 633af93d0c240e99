using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace FunnelSim.Distributions;

/// <summary>
/// The family a written range <c>{ value, low, high }</c> implies, fitted so that <c>low</c> and <c>high</c> are exactly
/// its 2.5th and 97.5th percentiles: normal and log-normal in closed form, Beta by solving both quantile equations.
/// Where the written range sits decides the distribution; <c>value</c> (the point estimate) does not move it.
/// </summary>
public static class PercentileFit
{
    /// <summary>Cumulative probability of <c>low</c>.</summary>
    public const double LowProbability = 0.025;

    /// <summary>Cumulative probability of <c>high</c>.</summary>
    public const double HighProbability = 0.975;

    /// <summary>Standard normal 97.5th percentile, 1.959963984540054.</summary>
    public static readonly double Z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, HighProbability);

    /// <summary>Normal with 2.5th percentile <paramref name="low"/> and 97.5th percentile <paramref name="high"/>.</summary>
    public static NormalDistribution Normal(double low, double high) => new((low + high) / 2, (high - low) / (2 * Z));

    /// <summary>Log-normal with 2.5th and 97.5th percentiles <paramref name="low"/> and <paramref name="high"/> (both above 0):
    /// <c>ln X ~ N(μ, σ)</c> with <c>μ = (ln low + ln high)/2</c>, <c>σ = (ln high − ln low)/(2z)</c>.</summary>
    public static LogNormalDistribution LogNormal(double low, double high)
    {
        double mu = 0.5 * (Math.Log(low) + Math.Log(high));
        double sigma = (Math.Log(high) - Math.Log(low)) / (2 * Z);
        double mean = Math.Exp(mu + 0.5 * sigma * sigma);
        return new LogNormalDistribution(mean, mean * Math.Sqrt(Math.Exp(sigma * sigma) - 1));
    }

    /// <summary>
    /// Beta with 2.5th and 97.5th percentiles <paramref name="low"/> and <paramref name="high"/> (0 &lt; low &lt; high &lt; 1), or
    /// null when the root finder finds none. For a concentration κ = α + β, the mean m(κ) that puts 2.5% of the mass below
    /// <c>low</c> is one root (the mass below <c>low</c> falls as m rises); the mass below <c>high</c> at (κ, m(κ)) then rises
    /// with κ, the second root. Both on the regularized incomplete beta function (exact in the tails, unlike the inverse),
    /// with MathNet's Brent solver.
    /// </summary>
    public static BetaDistribution? Beta(double low, double high)
    {
        if (!(low > 0 && high < 1 && low < high)) return null;
        double MeanFor(double logK)
        {
            double k = Math.Exp(logK);
            double Gap(double x)
            {
                double m = Logistic(x);
                return SpecialFunctions.BetaRegularized(m * k, (1 - m) * k, low) - LowProbability;
            }
            return Brent.TryFindRoot(Gap, -MaxLogit, MaxLogit, 1e-14, 300, out double root) ? Logistic(root) : double.NaN;
        }
        double HighGap(double logK)
        {
            double k = Math.Exp(logK), m = MeanFor(logK);
            return double.IsNaN(m) ? double.NaN : SpecialFunctions.BetaRegularized(m * k, (1 - m) * k, high) - HighProbability;
        }
        try
        {
            if (!Brent.TryFindRoot(HighGap, Math.Log(MinConcentration), Math.Log(MaxConcentration), 1e-13, 300, out double logK))
                return null;
            double kappa = Math.Exp(logK), mean = MeanFor(logK);
            if (double.IsNaN(mean)) return null;
            var beta = new BetaDistribution(mean * kappa, (1 - mean) * kappa);
            return Math.Abs(beta.CumulativeAt(low) - LowProbability) < Tolerance && Math.Abs(beta.CumulativeAt(high) - HighProbability) < Tolerance
                ? beta : null;
        }
        catch (ArithmeticException)
        {
            return null; // NaN from the incomplete beta at extreme shapes: no usable fit
        }
    }

    /// <summary>Cumulative probability at <paramref name="x"/> of a family a range is fitted to (normal, log-normal, Beta).</summary>
    public static double CumulativeAt(Distribution distribution, double x) => distribution switch
    {
        NormalDistribution n => MathNet.Numerics.Distributions.Normal.CDF(n.MeanValue, n.Sd, x),
        LogNormalDistribution l => x <= 0 ? 0 : MathNet.Numerics.Distributions.Normal.CDF(l.MuLog, l.SigmaLog, Math.Log(x)),
        BetaDistribution b => b.CumulativeAt(x),
        _ => throw new ArgumentException($"no closed-form CDF for {distribution.GetType().Name}", nameof(distribution)),
    };

    private const double MaxLogit = 30;
    private const double MinConcentration = 1e-2;
    private const double MaxConcentration = 1e12;
    private const double Tolerance = 1e-7;

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
