using MathNet.Numerics.Distributions;

namespace FunnelSim.Core.Tests.Statistics;

/// <summary>Pearson's chi-square goodness-of-fit of integer draws against an exact pmf.</summary>
internal static class ChiSquareFit
{
    /// <summary>Below this expected count the chi-square approximation is poor, so cells are pooled.</summary>
    private const double MinimumExpected = 5;

    /// <summary>
    /// Tests <paramref name="draws"/> against <paramref name="pmf"/> on <c>[lo, hi]</c>; the mass outside
    /// (<paramref name="cdf"/>) goes into the end cells. Adjacent cells are pooled from the left until each
    /// expects at least 5 draws; a short remainder joins the last cell.
    /// </summary>
    public static GoodnessOfFit Test(long[] draws, long lo, long hi, Func<long, double> pmf, Func<long, double> cdf)
    {
        double n = draws.Length;
        var counts = new long[hi - lo + 1];
        long below = 0, above = 0;
        foreach (long x in draws)
        {
            if (x < lo) below++;
            else if (x > hi) above++;
            else counts[x - lo]++;
        }

        var cells = new List<(double Observed, double Expected)>();
        double observed = below, expected = n * cdf(lo - 1);
        for (long k = lo; k <= hi; k++)
        {
            observed += counts[k - lo];
            expected += n * pmf(k);
            if (expected >= MinimumExpected)
            {
                cells.Add((observed, expected));
                observed = expected = 0;
            }
        }
        observed += above;
        expected += n * (1 - cdf(hi));
        if (cells.Count == 0 || expected >= MinimumExpected) cells.Add((observed, expected));
        else cells[^1] = (cells[^1].Observed + observed, cells[^1].Expected + expected);

        double statistic = cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        int degreesOfFreedom = cells.Count - 1;
        double pValue = degreesOfFreedom > 0 ? 1 - ChiSquared.CDF(degreesOfFreedom, statistic) : 1;
        return new GoodnessOfFit($"chi-square, {degreesOfFreedom} df", statistic, pValue);
    }
}
