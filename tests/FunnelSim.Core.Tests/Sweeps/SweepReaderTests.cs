using System.Text;
using FunnelSim.Sweeps;

namespace FunnelSim.Core.Tests.Sweeps;

public class SweepReaderTests
{
    private static SweepLoadResult Read(string json) => SweepReader.Read(Encoding.UTF8.GetBytes(json), "/sweeps");

    [Fact]
    public void AValidSweepResolvesTheBaseAgainstItsFolderAndKeepsTheAxesInOrder()
    {
        var result = Read("""
            { "base": "../scenarios/base.json",
              "axes": [ { "path": "indications[1].testing.uptake.value", "values": [0.3, 0.5] },
                        { "path": "indications[0].prevalence", "values": [0.01, 0.02, 0.03] } ] }
            """);
        Assert.True(result.IsValid, string.Join("; ", result.Diagnostics));
        var definition = result.Definition!;
        Assert.Equal(Path.GetFullPath("/scenarios/base.json"), definition.BasePath);
        Assert.Equal(["indications[1].testing.uptake.value", "indications[0].prevalence"], definition.Axes.Select(a => a.Path));
        Assert.Equal([0.01, 0.02, 0.03], definition.Axes[1].Values.ToArray());
        Assert.Equal(6, definition.PointCount);
        Assert.Equal(2, definition.Axes[0].Line);
    }

    [Fact]
    public void ASyntaxErrorHasLineAndColumn()
    {
        var result = Read("{\n  \"base\": \"a.json\",\n  \"axes\": [ { \"path\": \"x\" \"values\": [1] } ]\n}");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("invalid JSON", error.Message);
    }

    [Theory]
    [InlineData("""{ "base": "a.json", "axis": [] }""", "axis", "did you mean 'axes'?")]
    [InlineData("""{ "base": "a.json", "axes": [] }""", "axes", "1 to 8 axes")]
    [InlineData("""{ "axes": [ { "path": "years", "values": [1] } ] }""", "base", "missing required property 'base'")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "years", "values": [] } ] }""", "axes[0].values", "non-empty array")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "years", "values": [1, "2"] } ] }""", "axes[0].values[1]", "finite number")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "years", "values": [1, 1] } ] }""", "axes[0].values[1]", "appears twice")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "years", "value": [1] } ] }""", "axes[0].value", "did you mean 'values'?")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "a..b", "values": [1] } ] }""", "axes[0].path", "empty name")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "a[]", "values": [1] } ] }""", "axes[0].path", "followed by an index")]
    [InlineData("""{ "base": "a.json", "axes": [ { "path": "years", "values": [1] }, { "path": "years", "values": [2] } ] }""", "axes[1].path", "swept by an earlier axis")]
    public void BadSweepsGetAClearErrorAtTheirPath(string json, string path, string message)
    {
        var result = Read(json);
        Assert.False(result.IsValid);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == path && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Line));
    }

    [Fact]
    public void TooManyPointsAreRefusedWithTheArithmetic()
    {
        string values = "[" + string.Join(", ", Enumerable.Range(1, 11)) + "]";
        var result = Read($$"""
            { "base": "a.json", "axes": [ { "path": "a", "values": {{values}} }, { "path": "b", "values": {{values}} },
              { "path": "c", "values": {{values}} } ] }
            """);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("11 × 11 × 11 = 1,331 points; at most 1,000", error.Message);
    }

    [Fact]
    public void AnEmptyOrMissingFileIsAnError()
    {
        Assert.Contains("empty", Assert.Single(Read("  ").Diagnostics).Message);
        Assert.Contains("cannot read", Assert.Single(SweepReader.ReadFile("/no/such/sweep.json").Diagnostics).Message);
    }
}
