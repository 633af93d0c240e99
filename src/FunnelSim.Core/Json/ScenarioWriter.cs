using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>
/// Writes a scenario as canonical JSON in the documented format: every default written out, each parameter in
/// the form it was read in, numbers in their shortest round-trip form. Reading the output gives the same scenario.
/// </summary>
public static partial class ScenarioWriter
{
    /// <summary>The scenario as indented JSON (2 spaces).</summary>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            // Scenario files are data, never embedded in HTML: keep names such as "Müller" readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(writer, scenario);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the scenario as one JSON object at the writer's position (e.g. inside a results document).</summary>
    public static void Write(Utf8JsonWriter writer, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenario);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", scenario.SchemaVersion);
        WriteOptional(writer, "name", scenario.Name);
        WriteOptional(writer, "description", scenario.Description);
        writer.WriteNumber("startYear", scenario.StartYear);
        writer.WriteNumber("years", scenario.Years);
        WritePopulation(writer, scenario.Population);
        writer.WriteStartObject("simulation");
        writer.WriteNumber("iterations", scenario.Simulation.Iterations);
        writer.WriteNumber("seed", scenario.Simulation.Seed);
        writer.WriteString("sampling", FormatNames.Of(scenario.Simulation.Sampling));
        if (scenario.Simulation.CorrelationRepair != CorrelationRepair.None)
            writer.WriteString("correlationRepair", FormatNames.Of(scenario.Simulation.CorrelationRepair));
        writer.WriteEndObject();
        writer.WriteStartArray("indications");
        foreach (var indication in scenario.Indications) WriteIndication(writer, indication);
        writer.WriteEndArray();
        if (scenario.Costs is { } costs) WriteCosts(writer, costs);
        WriteCorrelations(writer, scenario.Correlations);
        writer.WriteEndObject();
    }

    private static void WriteCorrelations(Utf8JsonWriter writer, System.Collections.Immutable.ImmutableArray<Correlation> correlations)
    {
        if (correlations.IsDefaultOrEmpty) return;
        writer.WriteStartArray("correlations");
        foreach (var correlation in correlations)
        {
            writer.WriteStartObject();
            writer.WriteString("a", correlation.A);
            writer.WriteString("b", correlation.B);
            writer.WriteNumber("rho", correlation.Rho);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WritePopulation(Utf8JsonWriter writer, Population population)
    {
        writer.WriteStartObject("population");
        switch (population)
        {
            case PlanPopulation plan:
                writer.WriteString("scale", FormatNames.Plan);
                writer.WriteNumber("members", plan.Members);
                writer.WriteNumber("referencePopulation", plan.ReferencePopulation);
                if (plan.MemberMix.IsDefaultOrEmpty) writer.WriteNumber("riskAdjustment", plan.RiskAdjustment);
                else WriteMemberMix(writer, plan);
                break;
            default:
                writer.WriteString("scale", FormatNames.National);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteIndication(Utf8JsonWriter writer, Indication indication)
    {
        writer.WriteStartObject();
        writer.WriteString("id", indication.Id);
        WriteOptional(writer, "name", indication.Name);
        WriteOptional(writer, "description", indication.Description);
        WriteParameter(writer, "incidence", indication.Incidence);
        WriteParameter(writer, "annualGrowth", indication.AnnualGrowth);
        WriteSteps(writer, "preTestSteps", indication.PreTestSteps);
        WriteParameter(writer, "prevalence", indication.Prevalence);
        writer.WriteStartObject("testing");
        WriteParameter(writer, "uptake", indication.Testing.Uptake);
        if (indication.Testing.UptakeWithoutBizengri is { } without) WriteParameter(writer, "uptakeWithoutBizengri", without);
        if (indication.Testing.UptakeRatioFusionPositive is { } ratio) WriteParameter(writer, "uptakeRatioFusionPositive", ratio);
        writer.WriteStartArray("modalities");
        foreach (var modality in indication.Testing.Modalities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", modality.Id);
            WriteOptional(writer, "name", modality.Name);
            WriteOptional(writer, "description", modality.Description);
            writer.WriteNumber("share", modality.Share);
            WriteParameter(writer, "sensitivity", modality.Sensitivity);
            WriteParameter(writer, "specificity", modality.Specificity);
            if (modality.Reflex is { } reflex)
            {
                writer.WriteStartObject("reflex");
                writer.WriteString("modality", reflex.Modality);
                WriteParameter(writer, "probability", reflex.Probability);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        WriteSteps(writer, "postDetectionSteps", indication.PostDetectionSteps);
        WriteTreatment(writer, indication.Treatment);
        writer.WriteEndObject();
    }

    private static void WriteSteps(Utf8JsonWriter writer, string name, IEnumerable<Step> steps)
    {
        writer.WriteStartArray(name);
        foreach (var step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("id", step.Id);
            WriteOptional(writer, "name", step.Name);
            WriteOptional(writer, "description", step.Description);
            WriteParameter(writer, "probability", step.Probability);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteTreatment(Utf8JsonWriter writer, Treatment treatment)
    {
        writer.WriteStartObject("treatment");
        WriteDuration(writer, treatment.DurationMonths);
        writer.WriteNumber("doseIntervalDays", treatment.DoseIntervalDays);
        writer.WriteEndObject();
    }

    private static void WriteDuration(Utf8JsonWriter writer, DurationModel duration)
    {
        writer.WriteStartObject("durationMonths");
        switch (duration)
        {
            case WeibullDuration weibull:
                writer.WriteString("distribution", FormatNames.Weibull);
                WriteParameter(writer, "median", weibull.Median);
                WriteParameter(writer, "shape", weibull.Shape);
                break;
            case LogNormalDuration logNormal:
                writer.WriteString("distribution", FormatNames.LogNormal);
                WriteParameter(writer, "median", logNormal.Median);
                WriteParameter(writer, "sdLog", logNormal.SdLog);
                break;
            case var exponential:
                writer.WriteString("distribution", FormatNames.Exponential);
                WriteParameter(writer, "median", exponential.Median);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
