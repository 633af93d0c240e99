namespace FunnelSim.Engine;

/// <summary>
/// The estimate and Monte Carlo standard error of replicated Latin hypercube sampling, from each replicate's exact sum and
/// count: the estimate is the mean of the R replicate means ȳ_r. Replicate means are independent with variance c/m_r
/// (m_r its values; the sizes differ by at most one), so c is estimated without bias by Σ m_r (ȳ_r − ȳ_w)² / (R − 1)
/// around the size-weighted mean ȳ_w, and Var(mean of means) = c Σ(1/m_r) / R². With equal sizes this is the familiar
/// sd(ȳ_r)/√R. Replicates without a value (a per-treated amount in a replicate where nobody was treated) are left out.
/// </summary>
internal static class ReplicateMoments
{
    /// <summary>The estimate and its MCSE from per-replicate sums and counts (0 MCSE with fewer than two replicates).</summary>
    public static (double Mean, double Mcse) Of(ReadOnlySpan<double> sums, ReadOnlySpan<long> counts)
    {
        int used = 0;
        double meanOfMeans = 0, weighted = 0, weights = 0, inverseSizes = 0;
        for (int r = 0; r < sums.Length; r++)
        {
            if (counts[r] <= 0) continue;
            double mean = sums[r] / counts[r];
            used++;
            meanOfMeans += mean;
            weighted += sums[r];
            weights += counts[r];
            inverseSizes += 1.0 / counts[r];
        }
        if (used == 0) return (0, 0);
        meanOfMeans /= used;
        if (used < 2) return (meanOfMeans, 0);
        double overall = weighted / weights, spread = 0;
        for (int r = 0; r < sums.Length; r++)
        {
            if (counts[r] <= 0) continue;
            double deviation = sums[r] / counts[r] - overall;
            spread += counts[r] * deviation * deviation;
        }
        double c = spread / (used - 1);
        return (meanOfMeans, Math.Sqrt(c * inverseSizes) / used);
    }

    /// <summary>The estimate and MCSE of count cell <paramref name="cell"/> (its accumulators must carry replicates).</summary>
    public static (double Mean, double Mcse) Of(CellAccumulators cells, int cell)
    {
        int r = cells.Replicates;
        var sums = new double[r];
        var counts = new long[r];
        for (int i = 0; i < r; i++)
        {
            sums[i] = cells.ReplicateSum(i, cell);
            counts[i] = cells.ReplicateRows(i);
        }
        return Of(sums, counts);
    }

    /// <summary>The estimate and MCSE (cents) of money cell <paramref name="cell"/> (its accumulators must carry replicates).</summary>
    public static (double Mean, double Mcse) Of(MoneyAccumulators money, int cell)
    {
        int r = money.Replicates;
        var sums = new double[r];
        var counts = new long[r];
        for (int i = 0; i < r; i++)
        {
            sums[i] = (double)money.ReplicateSum(i, cell);
            counts[i] = money.ReplicateCount(i, cell);
        }
        return Of(sums, counts);
    }
}
