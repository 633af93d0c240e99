using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>
/// Reflex tests and the uptake ratio in the scenario format (docs/scenario-format.md#indication): read, written back
/// unchanged, and refused with an error at the JSON path where they do not hold together.
/// </summary>
public sealed class ReflexReaderTests
{
    private const string Dna = "indications[0].testing.modalities[0]";
    private const string Rna = "indications[0].testing.modalities[1]";

    private static string WithReflex(params (string Path, string? Json)[] more) => ScenarioJson.With([
        (Dna + ".reflex", """{ "modality": "rna-ngs", "probability": { "value": 0.8, "low": 0.6, "high": 0.9, "ramp": { "to": 0.95, "years": 2 } } }"""),
        ("indications[0].testing.uptakeRatioFusionPositive", """{ "value": 1.5, "low": 1.1, "high": 2.2, "source": "assumed" }"""),
        .. more,
    ]);

    [Fact]
    public void A_reflex_and_an_uptake_ratio_are_read()
    {
        var result = ScenarioLoader.Read(WithReflex());

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var testing = result.Scenario!.Indications[0].Testing;
        var reflex = Assert.IsType<Reflex>(testing.Modalities[0].Reflex);
        Assert.Equal("rna-ngs", reflex.Modality);
        Assert.Equal(0.8, reflex.Probability.Value);
        Assert.NotNull(reflex.Probability.Ramp);
        Assert.Null(testing.Modalities[1].Reflex);
        Assert.Equal(1.5, testing.UptakeRatioFusionPositive!.Value);
        Assert.True(testing.HasReflex);
        Assert.False(result.Scenario.Indications[1].Testing.HasReflex);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void They_round_trip_through_the_writer()
    {
        var scenario = ScenarioLoader.Read(WithReflex()).Scenario!;

        string written = ScenarioWriter.Write(scenario);
        var again = ScenarioLoader.Read(written);

        Assert.True(again.IsValid, string.Join("\n", again.Diagnostics));
        Assert.Equal(written, ScenarioWriter.Write(again.Scenario!));
        Assert.Equal(scenario.Indications[0].Testing.Modalities[0].Reflex, again.Scenario!.Indications[0].Testing.Modalities[0].Reflex);
        Assert.Contains("\"reflex\": {", written);
        Assert.Contains("\"uptakeRatioFusionPositive\": {", written);
    }

    [Fact]
    public void Without_them_nothing_new_is_written()
    {
        string written = ScenarioWriter.Write(ScenarioLoader.Read(ScenarioJson.Full).Scenario!);

        Assert.DoesNotContain("reflex", written);
        Assert.DoesNotContain("uptakeRatioFusionPositive", written);
    }

    [Fact]
    public void A_reflex_only_modality_may_have_share_zero()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(
            (Dna + ".share", "1"),
            (Rna + ".share", "0"),
            (Dna + ".reflex", """{ "modality": "rna-ngs", "probability": 1 }""")));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var model = ModelCompiler.Compile(result.Scenario!);
        Assert.Contains(model.ParameterList, p => p.Path == Dna + ".reflex.probability");
    }

    [Theory]
    [InlineData(Dna + ".reflex", """{ "modality": "rna-ngz", "probability": 0.5 }""", Dna + ".reflex.modality",
        "unknown modality 'rna-ngz'; did you mean 'rna-ngs'?")]
    [InlineData(Dna + ".reflex", """{ "modality": "ihc", "probability": 0.5 }""", Dna + ".reflex.modality",
        "unknown modality 'ihc'; this indication's modalities are: dna-ngs, rna-ngs")]
    [InlineData(Dna + ".reflex", """{ "modality": "dna-ngs", "probability": 0.5 }""", Dna + ".reflex.modality",
        "'dna-ngs' is this modality itself")]
    [InlineData(Dna + ".reflex", """{ "modality": "rna-ngs" }""", Dna + ".reflex.probability", "missing required property 'probability'")]
    [InlineData(Dna + ".reflex", """{ "modality": "rna-ngs", "probability": 1.5 }""", Dna + ".reflex.probability",
        "must be between 0 and 1 (a probability); got 1.5")]
    [InlineData(Dna + ".reflex", """{ "modality": "rna-ngs", "probability": 0.5, "cost": 1 }""", Dna + ".reflex.cost",
        "unknown property 'cost'; allowed: modality, probability")]
    [InlineData(Dna + ".reflex", "\"rna-ngs\"", Dna + ".reflex", "must be an object; got a string")]
    [InlineData("indications[0].testing.uptakeRatioFusionPositive", "0", "indications[0].testing.uptakeRatioFusionPositive",
        "must be above 0 and at most 100 (testing uptake of fusion-positive relative to fusion-negative patients); got 0")]
    [InlineData("indications[0].testing.uptakeRatioFusionPositive", """{ "value": 1.5, "ramp": { "to": 0.5, "years": 2 } }""",
        "indications[0].testing.uptakeRatioFusionPositive.ramp", "a ramp is allowed on probabilities only; this parameter is a positive amount")]
    public void Bad_reflex_or_ratio_is_an_error_at_its_path(string editPath, string json, string expectedPath, string expectedMessage)
    {
        var result = ScenarioLoader.Read(ScenarioJson.With((editPath, json)));

        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_reflex_of_a_reflex_is_refused_one_level_only()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(
            ("indications[0].testing.modalities", """
                [ { "id": "liquid", "share": 0.5, "sensitivity": 0.1, "specificity": 0.999, "reflex": { "modality": "dna-ngs", "probability": 0.5 } },
                  { "id": "dna-ngs", "share": 0.5, "sensitivity": 0.4, "specificity": 0.999, "reflex": { "modality": "rna-ngs", "probability": 0.5 } },
                  { "id": "rna-ngs", "share": 0, "sensitivity": 0.9, "specificity": 0.999 } ]
                """)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("indications[0].testing.modalities[0].reflex.modality", error.Path);
        Assert.Contains("'dna-ngs' has a reflex of its own (indications[0].testing.modalities[1].reflex); one level only", error.Message);
    }

    [Fact]
    public void A_cycle_is_refused_at_both_ends()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(
            (Dna + ".reflex", """{ "modality": "rna-ngs", "probability": 0.5 }"""),
            (Rna + ".reflex", """{ "modality": "dna-ngs", "probability": 0.5 }""")));

        Assert.Equal([Dna + ".reflex.modality", Rna + ".reflex.modality"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Contains("a cycle", e.Message));
    }
}
