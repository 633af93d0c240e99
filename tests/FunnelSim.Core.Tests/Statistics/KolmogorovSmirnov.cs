namespace FunnelSim.Core.Tests.Statistics;

/// <summary>One-sample Kolmogorov–Smirnov test against a continuous cdf.</summary>
internal static class KolmogorovSmirnov
{
    /// <summary>D = sup |F_n − F| and its asymptotic p-value with Stephens' (1970) small-sample correction.</summary>
    public static GoodnessOfFit Test(double[] draws, Func<double, double> cdf)
    {
        double[] sorted = (double[])draws.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        double sqrtN = Math.Sqrt(n);
        return new GoodnessOfFit($"Kolmogorov-Smirnov, n = {n}", d, KolmogorovSurvival((sqrtN + 0.12 + 0.11 / sqrtN) * d));
    }

    /// <summary>P(K &gt; x) for the Kolmogorov distribution: 2 Σ (−1)^(j−1) exp(−2 j² x²).</summary>
    private static double KolmogorovSurvival(double x)
    {
        if (x < 0.2) return 1; // the series converges slowly there, and the value is 1 to double precision
        double sum = 0;
        for (int j = 1; j <= 100; j++)
        {
            double term = Math.Exp(-2.0 * j * j * x * x);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-300) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
