using System.Text.Json;
using CsCheck;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

public class ScenarioWriterTests
{
    private static Scenario Load(string json)
    {
        var result = ScenarioLoader.Read(json);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    [Fact]
    public void Full_scenario_round_trips()
    {
        string written = ScenarioWriter.Write(Load(ScenarioJson.Full));

        Assert.Equal(written, ScenarioWriter.Write(Load(written)));
    }

    [Fact]
    public void Parameters_keep_their_form_and_defaults_are_written()
    {
        using var document = JsonDocument.Parse(ScenarioWriter.Write(Load(ScenarioJson.Full)));
        var root = document.RootElement;
        var cca = root.GetProperty("indications")[0];
        var pdac = root.GetProperty("indications")[1];

        Assert.Equal("national", root.GetProperty("population").GetProperty("scale").GetString());
        Assert.Equal("monte-carlo", root.GetProperty("simulation").GetProperty("sampling").GetString());
        Assert.Equal(JsonValueKind.Number, cca.GetProperty("testing").GetProperty("modalities")[1].GetProperty("specificity").ValueKind);
        Assert.Equal(0.005, cca.GetProperty("prevalence").GetProperty("value").GetDouble());
        Assert.Equal(0.002, cca.GetProperty("prevalence").GetProperty("low").GetDouble());
        Assert.Equal("beta", cca.GetProperty("testing").GetProperty("modalities")[1].GetProperty("sensitivity").GetProperty("distribution").GetString());
        Assert.Equal("s-curve", cca.GetProperty("testing").GetProperty("uptake").GetProperty("ramp").GetProperty("shape").GetString());
        Assert.Equal(14, cca.GetProperty("treatment").GetProperty("doseIntervalDays").GetDouble());
        Assert.Equal(0, pdac.GetProperty("preTestSteps").GetArrayLength());
        Assert.Equal(0, pdac.GetProperty("postDetectionSteps").GetArrayLength());
        Assert.Equal("SEER", cca.GetProperty("incidence").GetProperty("source").GetString());
    }

    [Fact]
    public void Output_is_indented_with_two_spaces_and_keeps_non_ascii_text()
    {
        string written = ScenarioWriter.Write(Load(ScenarioJson.With(("name", "\"Müller → base\""))));

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"name\": \"Müller → base\",", written.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Scenario_can_be_embedded_in_another_document()
    {
        var scenario = Load(ScenarioJson.Full);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("scenario");
            ScenarioWriter.Write(writer, scenario);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        string embedded = document.RootElement.GetProperty("scenario").GetRawText();
        Assert.Equal(ScenarioWriter.Write(scenario), ScenarioWriter.Write(Load(embedded)));
    }

    [Fact]
    public void Random_parameters_round_trip()
    {
        // Random shorthand ranges (including moment-matched Betas whose recomputed mean is not the written one),
        // explicit families and plan populations.
        var probability = Gen.Double[0.01, 0.99];
        var shorthand = Gen.Select(probability, Gen.Double[0, 0.05], Gen.Double[0, 0.05],
            (value, below, above) => Invariant($$"""{ "value": {{value}}, "low": {{Math.Max(0, value - below)}}, "high": {{Math.Min(1, value + above)}} }"""));
        var pert = Gen.Select(Gen.Double[0, 0.3], Gen.Double[0.3, 0.6], Gen.Double[0.6, 1],
            (min, mode, max) => Invariant($$"""{ "distribution": "pert", "min": {{min}}, "mode": {{mode}}, "max": {{max}}, "source": "x" }"""));
        var incidence = Gen.Select(Gen.Double[1, 1e6], Gen.Double[0, 1e5],
            (mean, sd) => Invariant($$"""{ "distribution": "lognormal", "mean": {{mean}}, "sd": {{sd}} }"""));
        var plan = Gen.Select(Gen.Double[1, 1e6], Gen.Double[0.1, 100],
            (members, risk) => Invariant($$"""{ "scale": "plan", "members": {{members}}, "referencePopulation": 1e7, "riskAdjustment": {{risk}} }"""));

        Gen.Select(shorthand, pert, incidence, plan).Sample(t =>
        {
            var scenario = ScenarioLoader.Read(ScenarioJson.With(
                ("indications[0].prevalence", t.Item1), ("indications[0].testing.uptake", t.Item2),
                ("indications[1].incidence", t.Item3), ("population", t.Item4))).Scenario;
            if (scenario is null) return; // e.g. a range too wide for any Beta: covered by the reader's tests
            string written = ScenarioWriter.Write(scenario);
            Assert.Equal(written, ScenarioWriter.Write(Load(written)));
        }, iter: 500);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
