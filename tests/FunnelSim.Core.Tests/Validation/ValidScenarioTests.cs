using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

public class ValidScenarioTests
{
    [Fact]
    public void Full_scenario_loads_with_its_values()
    {
        var result = ScenarioLoader.Read(ScenarioJson.Full);

        Assert.Empty(result.Diagnostics);
        var scenario = Assert.IsType<Scenario>(result.Scenario);
        Assert.Equal((1, "US national base case", 2026, 5), (scenario.SchemaVersion, scenario.Name, scenario.StartYear, scenario.Years));
        Assert.Equal(new SimulationSettings(20000, 20261124, SamplingMethod.MonteCarlo), scenario.Simulation);
        Assert.IsType<NationalPopulation>(scenario.Population);
        Assert.Equal(2, scenario.Indications.Length);

        var cca = scenario.Indications[0];
        Assert.Equal(("cca", "Cholangiocarcinoma"), (cca.Id, cca.Name));
        // low and high are the 2.5th and 97.5th percentiles: ln X ~ N((ln 7000 + ln 9500)/2, (ln 9500 − ln 7000)/(2 · 1.96)).
        var incidence = Assert.IsType<LogNormalDistribution>(cca.Incidence.Distribution);
        Assert.Equal(0.5 * (Math.Log(7000) + Math.Log(9500)), incidence.MuLog, 12);
        Assert.Equal(Math.Log(9500 / 7000.0) / (2 * 1.959963984540054), incidence.SigmaLog, 12);
        Assert.Equal(8000, cca.Incidence.PointEstimate);
        Assert.Equal((ParameterForm.Shorthand, 7000.0, 9500.0, "SEER"), (cca.Incidence.Form, cca.Incidence.Low!.Value, cca.Incidence.High!.Value, cca.Incidence.Source));
        Assert.Equal(new FixedDistribution(0.01), cca.AnnualGrowth.Distribution);

        var prevalence = Assert.IsType<BetaDistribution>(cca.Prevalence.Distribution);
        Assert.Equal(0.025, prevalence.CumulativeAt(0.002), 9);
        Assert.Equal(0.975, prevalence.CumulativeAt(0.009), 9);
        Assert.Equal(0.005, cca.Prevalence.PointEstimate);

        var uptake = cca.Testing.Uptake;
        Assert.Equal(new Ramp(Parameter.Fixed(0.75), 3, RampShape.SCurve), uptake.Ramp);
        string[] modalities = ["dna-ngs", "rna-ngs"];
        Assert.Equal(modalities, cca.Testing.Modalities.Select(m => m.Id));
        Assert.Equal(new BetaDistribution(95, 5), cca.Testing.Modalities[1].Sensitivity.Distribution);
        Assert.Equal(ParameterForm.Explicit, cca.Testing.Modalities[1].Sensitivity.Form);
        Assert.Equal(Parameter.Fixed(0.999), cca.Testing.Modalities[1].Specificity);
        Assert.Equal(new FixedDistribution(0.999), cca.Testing.Modalities[0].Specificity.Distribution);

        Assert.Equal(RampShape.Bass, cca.PostDetectionSteps[0].Probability.Ramp!.Shape);
        Assert.IsType<BetaDistribution>(cca.PostDetectionSteps[0].Probability.Ramp!.To.Distribution);
        Assert.Equal(new PertDistribution(0.75, 0.85, 0.95), cca.PostDetectionSteps[1].Probability.Distribution);

        var weibull = Assert.IsType<WeibullDuration>(cca.Treatment.DurationMonths);
        Assert.IsType<LogNormalDistribution>(weibull.Median.Distribution);
        Assert.Equal(Parameter.Fixed(1.2), weibull.Shape);
        Assert.Equal(14, cca.Treatment.DoseIntervalDays);
    }

    [Fact]
    public void Defaults_are_applied()
    {
        var scenario = ScenarioLoader.Read(ScenarioJson.With(("simulation", null))).Scenario!;
        var pdac = scenario.Indications[1];

        Assert.Equal(new SimulationSettings(10000, 1, SamplingMethod.MonteCarlo), scenario.Simulation);
        Assert.IsType<NationalPopulation>(scenario.Population);
        Assert.Empty(pdac.PreTestSteps);
        Assert.Empty(pdac.PostDetectionSteps);
        Assert.Equal(21, pdac.Treatment.DoseIntervalDays);
        Assert.Equal(new GammaDistribution(100, 500), pdac.Incidence.Distribution);
        Assert.Equal(new UniformDistribution(-0.01, 0.02), pdac.AnnualGrowth.Distribution);
        Assert.Equal(Parameter.Fixed(0), ScenarioLoader.Read(ScenarioJson.With(("indications[0].annualGrowth", null))).Scenario!.Indications[0].AnnualGrowth);
        Assert.Equal(RampShape.Linear, ScenarioLoader.Read(ScenarioJson.With(("indications[0].testing.uptake.ramp.shape", null)))
            .Scenario!.Indications[0].Testing.Uptake.Ramp!.Shape);
    }

    [Fact]
    public void Plan_population_reads_members_and_default_risk_adjustment()
    {
        var scenario = ScenarioLoader.Read(ScenarioJson.With(
            ("population", """{ "scale": "plan", "members": 500000, "referencePopulation": 335000000 }"""))).Scenario!;

        Assert.Equal(new PlanPopulation(500000, 335000000, 1), scenario.Population);
    }

    [Theory]
    [InlineData("""{ "value": 0.3, "low": 0.3, "high": 0.3 }""")]
    [InlineData("""{ "value": 0.3 }""")]
    public void Shorthand_without_a_range_is_fixed(string json)
    {
        var p = ScenarioLoader.Read(ScenarioJson.With(("indications[0].testing.uptake", json))).Scenario!.Indications[0].Testing.Uptake;

        Assert.Equal((ParameterForm.Shorthand, (Distribution)new FixedDistribution(0.3)), (p.Form, p.Distribution));
    }

    [Theory]
    [InlineData("""{ "seed": 9007199254740991 }""", 9007199254740991UL, 10000L)]
    [InlineData("""{ "seed": 0, "iterations": 1e3 }""", 0UL, 1000L)]
    public void Integers_may_reach_their_limits_and_be_written_with_an_exponent(string json, ulong seed, long iterations)
    {
        var simulation = ScenarioLoader.Read(ScenarioJson.With(("simulation", json))).Scenario!.Simulation;

        Assert.Equal((seed, iterations), (simulation.Seed, simulation.Iterations));
    }

    [Fact]
    public void Shorthand_rate_is_normal()
    {
        var p = ScenarioLoader.Read(ScenarioJson.With(("indications[0].annualGrowth", """{ "value": 0.01, "low": -0.01, "high": 0.03 }""")))
            .Scenario!.Indications[0].AnnualGrowth;

        // Mean the middle of the range, sd (high − low)/(2 · z₀.₉₇₅).
        var normal = Assert.IsType<NormalDistribution>(p.Distribution);
        Assert.Equal(0.01, normal.MeanValue, 15);
        Assert.Equal(0.04 / (2 * 1.959963984540054), normal.Sd, 15);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(ScenarioJson.Full)];

        Assert.True(ScenarioLoader.Read(bytes).IsValid);
    }

    [Fact]
    public void ReadFile_reads_a_file_and_reports_a_missing_one()
    {
        string path = Path.Combine(Path.GetTempPath(), $"funnelsim-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ScenarioJson.Full);
        try
        {
            Assert.True(ScenarioLoader.ReadFile(path).IsValid);
        }
        finally
        {
            File.Delete(path);
        }
        var missing = ScenarioLoader.ReadFile(path);
        Assert.Null(missing.Scenario);
        Assert.Contains("cannot read", Assert.Single(missing.Diagnostics).Message);
    }
}
