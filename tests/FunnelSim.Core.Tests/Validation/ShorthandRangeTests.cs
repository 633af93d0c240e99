using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>
/// { value, low, high }: low and high are the fitted distribution's 2.5th and 97.5th percentiles; value is the point
/// estimate (within the range, the tornado's base), refused ranges on the support's edge, a warning where value sits
/// outside the fitted middle half.
/// </summary>
public class ShorthandRangeTests
{
    private const string Uptake = "indications[0].testing.uptake";
    private const string Incidence = "indications[0].incidence";
    private const string Growth = "indications[0].annualGrowth";

    private static ScenarioLoadResult Read(string path, string json) => ScenarioReader.Read(ScenarioJson.With((path, json)));

    private static Parameter UptakeOf(ScenarioLoadResult load) => load.Scenario!.Indications[0].Testing.Uptake;

    [Theory]
    [InlineData(Uptake, """{ "value": 0.55, "low": 0.45, "high": 0.65 }""", 0.45, 0.65)]
    [InlineData(Incidence, """{ "value": 8000, "low": 7000, "high": 9500 }""", 7000, 9500)]
    [InlineData(Growth, """{ "value": 0.01, "low": -0.01, "high": 0.04 }""", -0.01, 0.04)]
    public void Low_and_high_are_the_2_5th_and_97_5th_percentiles(string path, string json, double low, double high)
    {
        var load = Read(path, json);

        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        var distribution = path == Uptake ? UptakeOf(load).Distribution
            : path == Incidence ? load.Scenario!.Indications[0].Incidence.Distribution
            : load.Scenario!.Indications[0].AnnualGrowth.Distribution;
        Assert.Equal(0.025, PercentileFit.CumulativeAt(distribution, low), 1e-9);
        Assert.Equal(0.975, PercentileFit.CumulativeAt(distribution, high), 1e-9);
    }

    [Fact]
    public void Value_is_the_point_estimate_and_does_not_move_the_distribution()
    {
        var at50 = Read(Uptake, """{ "value": 0.5, "low": 0.4, "high": 0.65 }""");
        var at53 = Read(Uptake, """{ "value": 0.53, "low": 0.4, "high": 0.65 }""");

        Assert.Equal(UptakeOf(at50).Distribution, UptakeOf(at53).Distribution);
        Assert.Equal(0.5, UptakeOf(at50).PointEstimate);
        Assert.Equal(0.53, UptakeOf(at53).PointEstimate);
        Assert.NotEqual(0.5, UptakeOf(at50).Mean, 1e-3); // the mean follows the fitted family, not the value
    }

    [Theory]
    [InlineData(Uptake, """{ "value": 0.1, "low": 0, "high": 0.4 }""", Uptake + ".low", "a probability range from 0")]
    [InlineData(Uptake, """{ "value": 0.9, "low": 0.6, "high": 1 }""", Uptake + ".high", "a probability range to 1")]
    [InlineData(Incidence, """{ "value": 10, "low": 0, "high": 40 }""", Incidence + ".low", "a range from 0 has no log-normal")]
    public void A_range_on_the_edge_of_the_support_is_refused_with_an_explicit_family_suggested(
        string path, string json, string expectedPath, string expectedMessage)
    {
        var load = Read(path, json);

        Assert.False(load.IsValid);
        var error = Assert.Single(load.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message);
        Assert.Contains("\"distribution\": \"pert\"", error.Message);
    }

    [Fact]
    public void A_value_outside_the_fitted_middle_half_is_a_warning_naming_place_median_and_value()
    {
        // Log-normal with 2.5th/97.5th percentiles 7000 and 11500: median √(7000·11500) = 8972; 25th percentile 8238.
        var load = Read(Incidence, """{ "value": 8200, "low": 7000, "high": 11500 }""");

        Assert.True(load.IsValid);
        var warning = Assert.Single(load.Diagnostics);
        Assert.Equal((Severity.Warning, Incidence + ".value"), (warning.Severity, warning.Path));
        Assert.Contains("value 8200", warning.Message);
        Assert.Contains("25th–75th percentile 8238–9772", warning.Message);
        Assert.Contains("median is 8972", warning.Message);
        Assert.Contains("\"distribution\": \"pert\", \"min\": 7000, \"mode\": 8200, \"max\": 11500", warning.Message);
    }

    [Theory]
    [InlineData("""{ "value": 0.55, "low": 0.45, "high": 0.65 }""")]
    [InlineData("""{ "value": 0.54, "low": 0.45, "high": 0.65 }""")]
    public void A_value_inside_the_middle_half_raises_nothing(string json) =>
        Assert.Empty(Read(Uptake, json).Diagnostics);

    [Fact]
    public void Tornado_ends_are_the_fitted_percentiles_and_its_base_the_value_or_the_mean()
    {
        var load = Read(Uptake, """{ "value": 0.53, "low": 0.4, "high": 0.65 }""");
        var model = ModelCompiler.Compile(load.Scenario!);

        var inputs = TornadoInput.Uncertain(model).ToDictionary(i => i.Path);

        var uptake = inputs[Uptake];
        Assert.Equal((0.53, 0.4, 0.65), (uptake.Base, uptake.Low, uptake.High));
        // An explicit family: base = mean; ends = its 2.5th and 97.5th percentiles.
        var pert = inputs["indications[0].postDetectionSteps[1].probability"];
        var distribution = new PertDistribution(0.75, 0.85, 0.95);
        Assert.Equal(distribution.Mean, pert.Base, 1e-12);
        Assert.Equal(distribution.InverseCdf(0.025), pert.Low, 1e-12);
        Assert.Equal(distribution.InverseCdf(0.975), pert.High, 1e-12);
    }
}
