namespace FunnelSim.Core.Tests.Statistics;

/// <summary>Mean, variance and fourth central moment of a sample, for standard-error based tolerances.</summary>
internal readonly record struct SampleMoments(int Count, double Mean, double Variance, double FourthCentralMoment)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    public static SampleMoments Of(IReadOnlyList<double> xs)
    {
        int n = xs.Count;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += xs[i];
        mean /= n;
        double m2 = 0, m4 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = xs[i] - mean, d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        return new SampleMoments(n, mean, m2 / (n - 1), m4 / n);
    }

    public static SampleMoments Of(long[] xs) => Of(Array.ConvertAll(xs, x => (double)x));

    /// <summary>Standard error of the sample variance given the true variance and fourth central moment:
    /// Var(s²) = μ₄/N − σ⁴ (N − 3)/(N (N − 1)).</summary>
    public static double VarianceStandardError(int n, double variance, double fourthCentralMoment) =>
        Math.Sqrt(fourthCentralMoment / n - variance * variance * (n - 3) / ((double)n * (n - 1)));
}
