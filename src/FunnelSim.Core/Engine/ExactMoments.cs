namespace FunnelSim.Engine;

/// <summary>Mean and Monte Carlo standard error from exact integer sums (the same bits however iterations were split).</summary>
internal static class ExactMoments
{
    /// <summary>Mean, sample standard deviation and MCSE (sd / √n) of <paramref name="n"/> integer values.</summary>
    public static (double Mean, double Sd, double Mcse) Of(long n, long sum, Int128 sumOfSquares)
    {
        double mean = (double)sum / n;
        if (n < 2) return (mean, 0, 0);
        Int128 numerator = n * sumOfSquares - (Int128)sum * sum;
        double sd = Math.Sqrt(Math.Max(0, (double)numerator) / ((double)n * (n - 1)));
        return (mean, sd, sd / Math.Sqrt(n));
    }
}
