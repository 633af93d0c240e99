using FunnelSim.Analysis;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Analysis;

public class RankCorrelationTests
{
    [Fact]
    public void TiesShareTheirAverageRank()
    {
        Assert.Equal([3.5, 1, 3.5, 2, 5], RankCorrelation.Ranks([3.0, 1, 3, 2, 7]));
    }

    [Fact]
    public void SpearmanMatchesMathNet()
    {
        var random = new Random(5);
        double[] x = [.. Enumerable.Range(0, 500).Select(_ => random.NextDouble())];
        double[] y = [.. x.Select(v => Math.Floor(10 * v * v + 3 * random.NextDouble()))]; // monotone-ish, with ties
        double ours = RankCorrelation.Pearson(RankCorrelation.Ranks(x), RankCorrelation.Ranks(y));
        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Spearman(x, y), ours, 1e-12);
    }

    [Fact]
    public void AConstantSampleHasNoCorrelation()
    {
        Assert.True(double.IsNaN(RankCorrelation.Pearson([1.0, 2, 3], [4.0, 4, 4])));
    }
}
