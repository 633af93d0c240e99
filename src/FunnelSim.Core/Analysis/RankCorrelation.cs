namespace FunnelSim.Analysis;

/// <summary>Spearman rank correlation, with tied values given their average rank (outputs are counts, so ties are common).</summary>
internal static class RankCorrelation
{
    /// <summary>Ranks 1 … n of <paramref name="values"/>; ties share the average of their ranks.</summary>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            double average = (start + 1 + end) / 2.0; // mean of the ranks start+1 … end
            for (int i = start; i < end; i++) ranks[order[i]] = average;
            start = end;
        }
        return ranks;
    }

    /// <summary>Pearson correlation of two equally long samples; NaN when either is constant.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
