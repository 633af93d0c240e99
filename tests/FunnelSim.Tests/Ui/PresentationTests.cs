using FunnelSim.Formatting;
using FunnelSim.Results;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Tests.Ui;

public class PresentationTests
{
    [Theory]
    [InlineData(1234567.4, "1,234,567")]
    [InlineData(12.34, "12.3")]
    [InlineData(0, "0")]
    public void CountsHaveThousandsSeparators(double value, string text) => Assert.Equal(text, HumanNumber.Count(value));

    [Theory]
    [InlineData(0.45, "45%")]
    [InlineData(0.0025, "0.25%")]
    [InlineData(0.172, "17.2%")]
    public void SharesReadAsPercentages(double share, string text) => Assert.Equal(text, HumanNumber.Percent(share));

    [Fact]
    public void DifferencesAreSigned()
    {
        Assert.Equal("+1,200", HumanNumber.Signed(1200));
        Assert.Equal("−3.5", HumanNumber.Signed(-3.5));
        Assert.Equal("0", HumanNumber.Signed(0));
    }

    [Fact]
    public void TheHistogramPutsEachPercentileBandAtItsDensity()
    {
        // Uniform 0..100: equal density everywhere, so every column is full height.
        var uniform = new MetricSummary(50, 29, 0.1, 5, 10, 25, 50, 75, 90, 95, 0, 100);
        var lines = PercentileHistogram.Lines("t", uniform, 40, 4);
        Assert.All(lines.Skip(2).Take(4), line => Assert.Equal(new string('█', 40), line));

        // A peaked distribution: the middle is taller than the tails.
        var peaked = new MetricSummary(50, 10, 0.1, 30, 40, 48, 50, 52, 60, 70, 0, 100);
        var rows = PercentileHistogram.Lines("t", peaked, 50, 5).Skip(2).Take(5).ToList();
        Assert.Equal('█', rows[0][25]);
        Assert.True(rows[^1].Length < 3 || rows[^1][1] != '█');
        Assert.Contains("median 50", PercentileHistogram.Lines("t", peaked, 50, 5)[^2]);
    }

    [Fact]
    public void TextTablesAlignNumbersRight()
    {
        var lines = TextTable.Render(["", "A"], [["x", "1"], ["long", "1,000"]]);
        Assert.Equal(["          A", "x         1", "long  1,000"], lines);
    }
}
