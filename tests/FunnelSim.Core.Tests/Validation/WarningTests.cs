using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

public class WarningTests
{
    [Theory]
    [InlineData("indications[0].prevalence", "0.02", "indications[0].prevalence", "NRG1 fusions are reported in under 1% of patients")]
    [InlineData("simulation", """{ "iterations": 200 }""", "simulation.iterations", "only 200 iterations")]
    [InlineData("population", """{ "scale": "plan", "members": 2000, "referencePopulation": 1000 }""", "population.members", "exceed referencePopulation")]
    [InlineData("indications[0].testing.uptake", """{ "value": 0.1, "low": 0.001, "high": 0.4 }""", "indications[0].testing.uptake", "J- or U-shaped")]
    public void Warning_does_not_block(string editPath, string json, string expectedPath, string expectedMessage)
    {
        var result = ScenarioLoader.Read(ScenarioJson.With((editPath, json)));

        Assert.NotNull(result.Scenario);
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, expectedPath), (warning.Severity, warning.Path));
        Assert.Contains(expectedMessage, warning.Message);
    }
}
