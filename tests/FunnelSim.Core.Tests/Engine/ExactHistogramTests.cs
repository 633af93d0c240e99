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
}
