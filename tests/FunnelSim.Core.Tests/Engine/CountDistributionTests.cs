using FunnelSim.Engine;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// A count cell's distribution is exact within its bound and a sketch beyond it, and which one it is, and what it holds,
/// depends only on the values — never on how they were batched, split or merged (issue 12, item 1).
/// </summary>
public class CountDistributionTests
{
    private static readonly double[] Probabilities = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1];

    [Fact]
    public void ASketchMadeFromExactCountsIsTheSketchOfTheValues()
    {
        // Given values that first fit the bound (exact) and then pass it, with zeros and repeats
        var random = new Random(11);
        long[] values = [.. Enumerable.Range(0, 3000).Select(i => i < 1000 ? random.Next(0, 400) : (long)random.Next(0, 200_000))];
        var distribution = new CountDistribution(maxExactWidth: 500);
        var scratch = new BucketScratch();
        foreach (var batch in values.Chunk(64)) distribution.Add(batch, scratch);

        // When the same values go straight into a sketch
        var direct = new LogBucketSketch();
        foreach (var batch in values.Chunk(64)) direct.Add(batch, [], scratch);

        // Then the converted sketch holds exactly the same buckets
        Assert.True(distribution.IsApproximate);
        Assert.Equal(Buckets(direct), Buckets(distribution.Sketch!));
        Assert.Equal((values.Min(), values.Max()), distribution.Range());
        Assert.Equal(direct.Quantiles(Probabilities, values.Min(), values.Max()), distribution.Quantiles(Probabilities));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void AnySplitMergesIntoTheSameDistribution(int parts)
    {
        // Parts of a drifting metric: each part's own range fits the bound of 1,000, the whole range (0 … 1,499) does not.
        var random = new Random(parts);
        long[] values = [.. Enumerable.Range(0, 4000).Select(i => (long)(i * 1500L / 4000 + random.Next(0, 20)) % 1500)];
        var scratch = new BucketScratch();
        var whole = new CountDistribution(1000);
        foreach (var batch in values.Chunk(64)) whole.Add(batch, scratch);

        // Contiguous pieces (as shards and scheduler blocks are), merged in reverse and in order
        var pieces = Enumerable.Range(0, parts).Select(k => new CountDistribution(1000)).ToArray();
        for (int k = 0; k < parts; k++)
        {
            int first = values.Length * k / parts, end = values.Length * (k + 1) / parts;
            foreach (var batch in values[first..end].Chunk(64)) pieces[k].Add(batch, scratch);
        }
        var reversed = new CountDistribution(1000);
        foreach (var piece in pieces.Reverse()) reversed.Merge(piece, scratch);
        var ordered = new CountDistribution(1000);
        foreach (var piece in pieces) ordered.Merge(piece, scratch);

        Assert.True(whole.IsApproximate);
        foreach (var merged in new[] { reversed, ordered })
        {
            Assert.True(merged.IsApproximate);
            Assert.Equal(Buckets(whole.Sketch!), Buckets(merged.Sketch!));
            Assert.Equal(whole.Range(), merged.Range());
            Assert.Equal(whole.Count, merged.Count);
            Assert.Equal(whole.Quantiles(Probabilities), merged.Quantiles(Probabilities));
        }
    }

    [Fact]
    public void ValuesWithinTheBoundStayExactInEverySplit()
    {
        long[] values = [.. Enumerable.Range(0, 3000).Select(i => (long)(i * 7919 % 1000))];
        var scratch = new BucketScratch();
        var whole = new CountDistribution(1000);
        foreach (var batch in values.Chunk(64)) whole.Add(batch, scratch);
        var a = new CountDistribution(1000);
        var b = new CountDistribution(1000);
        foreach (var batch in values[..1234].Chunk(64)) a.Add(batch, scratch);
        foreach (var batch in values[1234..].Chunk(64)) b.Add(batch, scratch);
        b.Merge(a, scratch);

        Assert.False(whole.IsApproximate);
        Assert.False(b.IsApproximate);
        Assert.Equal(whole.Quantiles(Probabilities), b.Quantiles(Probabilities));
        Assert.Equal((0L, 999L), b.Range());
    }

    [Fact]
    public void AnApproximatePartMakesTheMergeApproximate()
    {
        var scratch = new BucketScratch();
        var wide = new CountDistribution(100);
        wide.Add([0, 5000], scratch);
        var narrow = new CountDistribution(100);
        narrow.Add([40, 41, 42], scratch);

        narrow.Merge(wide, scratch);

        Assert.True(narrow.IsApproximate);
        Assert.Equal((0L, 5000L), narrow.Range());
        Assert.Equal(5, narrow.Count);
    }

    [Fact]
    public void ASavedSketchWhoseValuesFitTheBoundIsRefused()
    {
        // Such values are always kept exactly: a file claiming otherwise was not written by a run.
        var sketch = new LogBucketSketch();
        sketch.Add([10, 20], [], new BucketScratch());
        Assert.Throws<ArgumentException>(() => CountDistribution.RestoreSketch(100, sketch, 10, 20));
        Assert.True(CountDistribution.RestoreSketch(5, sketch, 10, 20).IsApproximate);
    }

    [Fact]
    public void TheBoundSharesOneBudgetAmongTheCells()
    {
        Assert.Equal(CellAccumulators.MaxExactWidthCap, CellAccumulators.ExactWidthFor(10));
        Assert.Equal(CellAccumulators.ExactBinBudget / 2400, CellAccumulators.ExactWidthFor(2400));
        Assert.Equal(CellAccumulators.MinExactWidth, CellAccumulators.ExactWidthFor(1_000_000));
    }

    /// <summary>A sketch's non-empty buckets: (sign, index, count), and the zeros.</summary>
    internal static List<(int Sign, long Index, long Count)> Buckets(LogBucketSketch sketch)
    {
        var buckets = new List<(int, long, long)> { (0, 0, sketch.Zeros) };
        foreach (var (sign, store) in new[] { (1, sketch.Positive), (-1, sketch.Negative) })
            for (long i = store.Offset; i < store.Offset + store.Width; i++)
                if (store.CountAt(i) != 0) buckets.Add((sign, i, store.CountAt(i)));
        return buckets;
    }
}
