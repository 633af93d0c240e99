using System.Text.Json.Nodes;
using FunnelSim.Sweeps;

namespace FunnelSim.Core.Tests.Sweeps;

public class ScenarioPathTests
{
    private static JsonNode Document() => JsonNode.Parse("""
        { "years": 5,
          "indications": [ { "id": "a", "prevalence": { "value": 0.01, "low": 0.005, "high": 0.02 },
                             "testing": { "modalities": [ { "share": 0.4 }, { "share": 0.6 } ] } } ] }
        """)!;

    [Fact]
    public void SetsAndGetsNumbersByPath()
    {
        var root = Document();
        Assert.Null(ScenarioPath.SetNumber(root, "indications[0].testing.modalities[1].share", 0.25));
        Assert.Null(ScenarioPath.SetNumber(root, "years", 3));
        Assert.Equal(0.25, ScenarioPath.GetNumber(root, "indications[0].testing.modalities[1].share", out _));
        Assert.Equal(3, ScenarioPath.GetNumber(root, "years", out _));
        Assert.Equal(0.4, ScenarioPath.GetNumber(root, "indications[0].testing.modalities[0].share", out _));
    }

    [Theory]
    [InlineData("indications[0].prevalance.value", "indications[0] has no property 'prevalance'; did you mean 'prevalence'?")]
    [InlineData("indications[3].prevalence.value", "indications has 1 element (indexes 0 to 0)")]
    [InlineData("indications[0].prevalence", "is a parameter object; to sweep its value (its range moves with it), use 'indications[0].prevalence.value'")]
    [InlineData("indications[0].id", "is a string; only numbers can be swept")]
    [InlineData("years[0]", "years is a number, not an array")]
    [InlineData("nothing", "the scenario has no property 'nothing'")]
    public void AMissingOrNonNumericPathIsExplained(string path, string message)
    {
        var root = Document();
        string? error = ScenarioPath.SetNumber(root, path, 1);
        Assert.NotNull(error);
        Assert.Contains(message, error);
        Assert.Equal(Document().ToJsonString(), root.ToJsonString());
    }
}
