using System.Text.Json.Nodes;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Summaries;
using FunnelSim.Json;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Reliability;

/// <summary>Issue 12, items 2 and 3: valid-looking inputs are refused with the limit named, never crash, clamp or wrap.</summary>
public class EngineLimitsTests
{
    private static JsonNode Shipped(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.ScenariosDirectory, name)))!;

    [Fact]
    public void Growth_normal_sd_1_over_30_years_is_refused_naming_the_limit()
    {
        // Before: validated "ok", then OverflowException in the engine.
        var json = Shipped("us-national-base.json");
        json["years"] = 30;
        json["indications"]![0]!["annualGrowth"] = JsonNode.Parse("""{ "distribution": "normal", "mean": 0, "sd": 1 }""");

        var result = ScenarioReader.Read(json.ToJsonString());

        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal("indications[0].annualGrowth", error.Path);
        Assert.Contains("at most 1,000,000,000 per indication and year", error.Message);
    }

    [Fact]
    public void A_billion_members_on_a_reference_population_of_one_is_refused_naming_the_limit()
    {
        // Before: validated with a warning, then IndexOutOfRangeException in the engine.
        var json = Shipped("payer-commercial-1m.json");
        json["population"]!["members"] = 1e9;
        json["population"]!["referencePopulation"] = 1;

        var result = ScenarioReader.Read(json.ToJsonString());

        Assert.Null(result.Scenario);
        Assert.Equal(3, result.Errors.Count());
        Assert.All(result.Errors, e => Assert.Contains("population scale", e.Message));
    }

    [Theory]
    [InlineData("us-national-base.json")]
    [InlineData("payer-commercial-1m.json")]
    [InlineData("payer-medicare-advantage-1m.json")]
    [InlineData("whatif-low-testing-uptake.json")]
    [InlineData("whatif-rna-first-testing.json")]
    [InlineData("whatif-reflex-rna-after-dna.json")]
    public void Shipped_scenarios_are_far_inside_the_limits(string name)
    {
        // The what-ifs are overlays of the base case: read as files, so their base resolves.
        var result = ScenarioSource.ReadFile(Path.Combine(RepositoryFiles.ScenariosDirectory, name));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Money_beyond_2_to_the_50_cents_is_refused_not_clamped()
    {
        // A plan as large as its reference population, a hundredfold incidence and a $100M dose: over $11 trillion a year.
        var json = Shipped("payer-commercial-1m.json");
        json["population"]!["members"] = 340_000_000;
        json["costs"]!["drugPerDose"] = 100_000_000;
        foreach (var indication in json["indications"]!.AsArray())
            indication!["incidence"] = (indication["incidence"]!["value"] ?? indication["incidence"]!["mode"])!.GetValue<double>() * 100;
        var load = ScenarioReader.Read(json.ToJsonString());
        Assert.True(load.IsValid, string.Join("; ", load.Errors));

        // Before: every year exactly $11,258,999,068,426.24 and the cumulative impact wrapping negative.
        var error = Assert.Throws<SimulationLimitException>(() => Simulator.Run(load.Scenario! with
        {
            Simulation = load.Scenario!.Simulation with { Iterations = 200 },
        }, threads: 2));
        Assert.Contains("2^50 cents", error.Message);
    }

    [Fact]
    public void More_patients_on_treatment_than_the_engine_follows_is_a_clear_error_not_an_overflow()
    {
        // 10^8 incident cases a year (inside the validator's limit), every one of them treated.
        var scenario = Scenario(years: 2, iterations: 4, indications: Indication(
            incidence: Fixed(1e8), preTest: [], prevalence: Fixed(1), uptake: Fixed(1),
            modalities: [new global::FunnelSim.Model.Modality("all", null, null, 1, Fixed(1), Fixed(1))],
            postDetection: []));

        var error = Assert.Throws<SimulationLimitException>(() => Simulator.Run(scenario, threads: 2));

        Assert.Contains("4,194,304", error.Message);
    }
}
