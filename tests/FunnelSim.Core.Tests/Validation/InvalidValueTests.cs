using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

public class InvalidValueTests
{
    private const string Uptake = "indications[0].testing.uptake";
    private const string Sensitivity = "indications[0].testing.modalities[0].sensitivity";

    [Theory]
    // Top level: integers, ranges, versions.
    [InlineData("years", "50", "years", "must be between 1 and 30 (years of horizon); got 50")]
    [InlineData("years", "2.5", "years", "must be a whole number; got 2.5")]
    [InlineData("years", "\"5\"", "years", "must be a number; got a string")]
    [InlineData("startYear", "1900", "startYear", "must be between 1990 and 2100")]
    [InlineData("schemaVersion", "2", "schemaVersion", "unsupported schemaVersion 2; this build reads version 1")]
    [InlineData("name", "null", "name", "must be a string; got null")]
    [InlineData("simulation", """{ "iterations": 0 }""", "simulation.iterations", "must be between 1 and 100000000; got 0")]
    [InlineData("simulation", """{ "seed": -1 }""", "simulation.seed", "must be between 0 and 9007199254740991 (2^53 − 1); got -1")]
    [InlineData("simulation", """{ "seed": 9007199254740992 }""", "simulation.seed", "must be between 0 and 9007199254740991")]
    [InlineData("simulation", """{ "sampling": "latin-hypercub" }""", "simulation.sampling", "did you mean 'latin-hypercube'?")]
    [InlineData("simulation", """{ "sampling": "monte-karlo" }""", "simulation.sampling", "did you mean 'monte-carlo'?")]
    [InlineData("population", """{ "scale": "plan", "members": 0, "referencePopulation": 10 }""", "population.members", "must be between 1 and 1000000000")]
    [InlineData("population", """{ "scale": "plan", "members": 10, "referencePopulation": 100, "riskAdjustment": 0 }""", "population.riskAdjustment", "must be above 0 and at most 100; got 0")]
    [InlineData("population", """{ "scale": "national", "members": 10 }""", "population.members", "unknown property 'members'; allowed: scale")]
    [InlineData("indications", "[]", "indications", "must have between 1 and 20 indications; got 0")]
    // Probabilities and shorthand ranges.
    [InlineData(Uptake, "1.2", Uptake, "must be between 0 and 1 (a probability); got 1.2")]
    [InlineData(Uptake, """{ "value": -0.1 }""", Uptake + ".value", "must be between 0 and 1 (a probability); got -0.1")]
    [InlineData(Uptake, """{ "value": 0.5, "low": 0.6, "high": 0.4 }""", Uptake + ".low", "must not be above high (0.4); got 0.6")]
    [InlineData(Uptake, """{ "value": 0.7, "low": 0.4, "high": 0.6 }""", Uptake + ".value", "must lie between low (0.4) and high (0.6); got 0.7")]
    [InlineData(Uptake, """{ "value": 0.5, "low": 0.4 }""", Uptake + ".low", "'low' needs 'high'")]
    [InlineData(Uptake, """{ "value": 0.01, "low": 0, "high": 0.5 }""", Uptake + ".low",
        "a probability range from 0 has no Beta distribution with 0 as its 2.5th percentile: low and high of { value, low, high } are the 2.5th and 97.5th percentiles of the fitted distribution; for a range that reaches the edge, give an explicit distribution, e.g. { \"distribution\": \"pert\", \"min\": 0, \"mode\": 0.01, \"max\": 0.5 }")]
    [InlineData(Uptake, """{ "value": 1e400 }""", Uptake + ".value", "must be a finite number; 1e400 is beyond the range of a double")]
    [InlineData(Uptake, "\"0.5\"", Uptake, "must be a number or an object")]
    // Explicit distributions.
    [InlineData(Sensitivity, """{ "distribution": "beta", "alpha": 0, "beta": 2 }""", Sensitivity + ".alpha", "must be above 0; got 0")]
    [InlineData(Sensitivity, """{ "distribution": "uniform", "min": 0.9, "max": 0.8 }""", Sensitivity + ".min", "must be below max (0.8); got 0.9")]
    [InlineData(Sensitivity, """{ "distribution": "uniform", "min": 0.9, "max": 1.5 }""", Sensitivity + ".max", "must be between 0 and 1 (a probability); got 1.5")]
    [InlineData(Sensitivity, """{ "distribution": "triangular", "min": 0.5, "mode": 0.95, "max": 0.9 }""", Sensitivity + ".mode", "must lie between min (0.5) and max (0.9); got 0.95")]
    [InlineData(Sensitivity, """{ "distribution": "normal", "mean": 0.9, "sd": 0.01 }""", Sensitivity + ".distribution", "'normal' is not allowed for a probability; allowed: beta, uniform, triangular, pert, fixed")]
    [InlineData(Sensitivity, """{ "distribution": "betta", "alpha": 1, "beta": 1 }""", Sensitivity + ".distribution", "did you mean 'beta'?")]
    [InlineData(Sensitivity, """{ "distribution": "beta", "alpha": 1, "beta": 1, "mean": 1 }""", Sensitivity + ".mean", "unknown property 'mean'")]
    [InlineData(Sensitivity, """{ "distribution": "beta", "alpha": 1 }""", Sensitivity + ".beta", "missing required property 'beta'")]
    [InlineData("indications[0].incidence", """{ "distribution": "lognormal", "mean": -5, "sd": 1 }""", "indications[0].incidence.mean", "must be above 0; got -5")]
    [InlineData("indications[0].incidence", """{ "distribution": "uniform", "min": -5, "max": 10 }""", "indications[0].incidence.min", "must be between 0 and 100000000 (expected cases per year); got -5")]
    [InlineData("indications[0].incidence", "-1", "indications[0].incidence", "must be between 0 and 100000000")]
    [InlineData("indications[0].annualGrowth", "0.7", "indications[0].annualGrowth", "must be between -0.5 and 0.5 (growth per year); got 0.7")]
    [InlineData("indications[0].annualGrowth", """{ "distribution": "beta", "alpha": 1, "beta": 1 }""", "indications[0].annualGrowth.distribution", "allowed: normal, uniform, triangular, pert, fixed")]
    [InlineData("indications[1].treatment.durationMonths.median", "0", "indications[1].treatment.durationMonths.median", "must be above 0 and at most 600 (months); got 0")]
    [InlineData("indications[1].treatment.durationMonths.sdLog", "6", "indications[1].treatment.durationMonths.sdLog", "must be above 0 and at most 5; got 6")]
    [InlineData("indications[1].treatment.durationMonths", """{ "distribution": "gompertz", "median": 5 }""", "indications[1].treatment.durationMonths.distribution", "must be one of 'exponential', 'weibull', 'lognormal'; got 'gompertz'")]
    [InlineData("indications[1].treatment.doseIntervalDays", "400", "indications[1].treatment.doseIntervalDays", "must be between 1 and 365 (days); got 400")]
    // Ramps.
    [InlineData("indications[0].incidence", """{ "value": 8000, "ramp": { "to": 0.5, "years": 2 } }""", "indications[0].incidence.ramp", "a ramp is allowed on probabilities only; this parameter is an amount")]
    [InlineData(Uptake + ".ramp.to", """{ "value": 0.7, "ramp": { "to": 0.8, "years": 1 } }""", Uptake + ".ramp.to.ramp", "a ramp's 'to' may not itself ramp")]
    [InlineData(Uptake + ".ramp.years", "0", Uptake + ".ramp.years", "must be above 0 and at most 100 (years to reach the target); got 0")]
    [InlineData(Uptake + ".ramp.shape", "\"scurve\"", Uptake + ".ramp.shape", "did you mean 's-curve'?")]
    // Ids, shares, counts.
    [InlineData("indications[1].id", "\"cca\"", "indications[1].id", "duplicate indication id 'cca' (already used at indications[0].id)")]
    [InlineData("indications[1].id", "\"total\"", "indications[1].id", "'total' is reserved")]
    [InlineData("indications[1].id", "\"bad id\"", "indications[1].id", "must match ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    [InlineData("indications[0].postDetectionSteps[1].id", "\"advanced\"", "indications[0].postDetectionSteps[1].id", "duplicate step id 'advanced' (already used at indications[0].preTestSteps[0].id)")]
    [InlineData("indications[0].preTestSteps[0].id", "\"tested\"", "indications[0].preTestSteps[0].id", "'tested' is a metric name")]
    [InlineData("indications[0].testing.modalities[1].id", "\"dna-ngs\"", "indications[0].testing.modalities[1].id", "duplicate modality id 'dna-ngs'")]
    [InlineData("indications[0].testing.modalities[1].share", "0.3", "indications[0].testing.modalities", "the modalities' shares must sum to 1 (±1e-6); they sum to 0.9")]
    [InlineData("indications[0].testing.modalities[1].share", "1.4", "indications[0].testing.modalities[1].share", "must be between 0 and 1 (share of tested patients); got 1.4")]
    [InlineData("indications[0].testing.modalities", "[]", "indications[0].testing.modalities", "must have between 1 and 10 modalities; got 0")]
    // Missing and unknown properties.
    [InlineData("indications[0].prevalence", null, "indications[0].prevalence", "missing required property 'prevalence'")]
    [InlineData("indications[0].prevalance", "0.001", "indications[0].prevalance", "unknown property 'prevalance'; did you mean 'prevalence'?")]
    [InlineData("indications[0].Incidence", "1", "indications[0].Incidence", "did you mean 'incidence'?")]
    [InlineData("indications[0].foo", "1", "indications[0].foo", "unknown property 'foo'; allowed: id, name, description, incidence")]
    [InlineData(Sensitivity + ".hihg", "0.9", Sensitivity + ".hihg", "unknown property 'hihg'; did you mean 'high'?")]
    public void Bad_value_is_an_error_at_its_path(string editPath, string? json, string expectedPath, string expectedMessage)
    {
        var result = ScenarioLoader.Read(ScenarioJson.With((editPath, json)));

        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Every_problem_is_reported()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(
            ("years", "0"),
            ("indications[0].prevalence", "2"),
            ("indications[1].testing.modalities[0].sensitivity", """{ "value": 0.9, "low": 0.95, "high": 0.99 }"""),
            ("indications[1].treatment", null)));

        // In document order: a missing property sits at the object that lacks it (here indications[1]).
        Assert.Null(result.Scenario);
        Assert.Equal(
            ["years", "indications[0].prevalence", "indications[1].treatment", "indications[1].testing.modalities[0].sensitivity.value"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Shares_are_summed_even_when_a_modality_has_another_error()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(
            ("indications[0].testing.modalities[0].sensitivity", "2"),
            ("indications[0].testing.modalities[1].share", "0.5")));

        Assert.Equal(
            ["indications[0].testing.modalities", "indications[0].testing.modalities[0].sensitivity"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Missing_property_is_placed_at_the_object_that_lacks_it()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "years": 5,
              "indications": []
            }
            """;

        var missing = ScenarioLoader.Read(json).Errors.Single(e => e.Path == "startYear");

        Assert.Equal((1, 1), (missing.Line, missing.Column));
        Assert.Equal("missing required property 'startYear'", missing.Message);
    }

    [Fact]
    public void Duplicate_property_is_an_error_at_the_second_occurrence()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "years": 5,
              "years": 6,
              "startYear": 2026,
              "indications": []
            }
            """;

        var duplicate = ScenarioLoader.Read(json).Errors.Single(e => e.Message.Contains("duplicate"));

        Assert.Equal(("years", 4, 3), (duplicate.Path, duplicate.Line, duplicate.Column));
        Assert.Equal("duplicate property 'years'; each property may appear only once", duplicate.Message);
    }

    [Fact]
    public void Value_error_is_placed_at_the_value()
    {
        const string json = """
            {
              "schemaVersion": 1, "startYear": 2026,
              "years":   50,
              "indications": []
            }
            """;

        var error = ScenarioLoader.Read(json).Errors.Single(e => e.Path == "years");

        Assert.Equal((3, 14), (error.Line, error.Column));
        Assert.Equal("error: years (line 3, column 14): must be between 1 and 30 (years of horizon); got 50", error.ToString());
    }
}
