using FunnelSim.Engine;

namespace FunnelSim.Core.Tests.Engine;

public class ExactHistogramTests
{
    [Fact]
    public void QuantilesMatchType7OnTheSortedValues()
    {
        var random = new Random(3);
        long[] values = Enumerable.Range(0, 1001).Select(_ => (long)random.Next(-50, 5000)).ToArray();
        var histogram = new ExactHistogram();
        foreach (long v in values) histogram.Add(v);

        double[] probabilities = [0, 0.05, 0.5, 0.95, 1];
        double[] actual = histogram.Quantiles(probabilities);
        long[] sorted = [.. values.Order()];
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (sorted.Length - 1) * probabilities[q];
            int low = (int)Math.Floor(h);
            double expected = sorted[low] + (h - low) * (sorted[Math.Min(low + 1, sorted.Length - 1)] - sorted[low]);
            Assert.Equal(expected, actual[q], 1e-9);
        }
        Assert.Equal((values.Min(), values.Max()), histogram.Range());
    }

    [Fact]
    public void MergingInAnySplitGivesTheSameCounts()
    {
        var random = new Random(5);
        long[] values = Enumerable.Range(0, 5000).Select(_ => (long)random.Next(0, 100_000)).ToArray();
        var whole = new ExactHistogram();
        foreach (long v in values) whole.Add(v);

        var parts = Enumerable.Range(0, 3).Select(_ => new ExactHistogram()).ToArray();
        for (int i = 0; i < values.Length; i++) parts[i % 3].Add(values[i]);
        parts[2].Merge(parts[0]);
        parts[2].Merge(parts[1]);

        Assert.Equal(whole.Count, parts[2].Count);
        Assert.Equal(whole.Quantiles([0.05, 0.5, 0.95]), parts[2].Quantiles([0.05, 0.5, 0.95]));
        Assert.Equal(whole.Range(), parts[2].Range());
    }

    [Fact]
    public void CountsAbove255CarryExactlyAndMerge()
    {
        // 1,000 copies of 7 and 300 of 9 overflow the per-bin byte; a second histogram holds 600 more 7s.
        var a = new ExactHistogram();
        for (int i = 0; i < 1000; i++) a.Add(7);
        for (int i = 0; i < 300; i++) a.Add(9);
        var b = new ExactHistogram();
        for (int i = 0; i < 600; i++) b.Add(7);
        b.Add(-40);
        a.Merge(b);

        Assert.Equal(1901, a.Count);
        Assert.Equal((-40L, 9L), a.Range());
        // Sorted: -40, 1,600 × 7, 300 × 9; rank 1600 (0-based) is the last 7, rank 1601 the first 9.
        double[] q = a.Quantiles([0, 1600.0 / 1900, 1601.0 / 1900, 1]);
        Assert.Equal([-40.0, 7.0, 9.0, 9.0], q);
    }
}
