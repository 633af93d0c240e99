namespace FunnelSim.Analysis;

/// <summary>The chosen output over the draws analysed: mean, standard deviation and the 90% interval.</summary>
public sealed record OutputDistribution(double Mean, double Sd, double P5, double P50, double P95)
{
    internal static OutputDistribution Of(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double mean = sorted.Average();
        double ss = 0;
        foreach (double v in sorted) ss += (v - mean) * (v - mean);
        double sd = sorted.Length > 1 ? Math.Sqrt(ss / (sorted.Length - 1)) : 0;
        return new OutputDistribution(mean, sd, Quantile(sorted, 0.05), Quantile(sorted, 0.5), Quantile(sorted, 0.95));
    }

    /// <summary>Type 7 (as R and NumPy), like the results' percentiles.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
