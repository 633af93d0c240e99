using System.Text.Json;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Parameters, written in the form they were read in.
public static partial class ScenarioWriter
{
    private static void WriteParameter(Utf8JsonWriter writer, string name, Parameter parameter)
    {
        writer.WritePropertyName(name);
        WriteParameter(writer, parameter);
    }

    private static void WriteParameter(Utf8JsonWriter writer, Parameter parameter)
    {
        bool plainNumber = parameter is { Form: ParameterForm.Number, Distribution: FixedDistribution, Ramp: null, Source: null };
        if (plainNumber)
        {
            writer.WriteNumberValue(parameter.Distribution.Mean);
            return;
        }
        writer.WriteStartObject();
        if (parameter.Form == ParameterForm.Explicit)
            WriteDistribution(writer, parameter.Distribution);
        else
        {
            // A number that gained a ramp or a source in code has no plain-number form: write it as shorthand.
            writer.WriteNumber("value", parameter.Value ?? parameter.Distribution.Mean);
            if (parameter is { Low: { } low, High: { } high })
            {
                writer.WriteNumber("low", low);
                writer.WriteNumber("high", high);
            }
        }
        if (parameter.Ramp is { } ramp)
        {
            writer.WriteStartObject("ramp");
            WriteParameter(writer, "to", ramp.To);
            writer.WriteNumber("years", ramp.Years);
            writer.WriteString("shape", FormatNames.Of(ramp.Shape));
            writer.WriteEndObject();
        }
        if (parameter.Source is { } source) writer.WriteString("source", source);
        writer.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter writer, Distribution distribution)
    {
        (string family, (string Name, double Value)[] values) = distribution switch
        {
            BetaDistribution d => ("beta", new[] { ("alpha", d.Alpha), ("beta", d.Beta) }),
            LogNormalDistribution d => ("lognormal", [("mean", d.MeanValue), ("sd", d.Sd)]),
            GammaDistribution d => ("gamma", [("shape", d.Shape), ("scale", d.Scale)]),
            NormalDistribution d => ("normal", [("mean", d.MeanValue), ("sd", d.Sd)]),
            UniformDistribution d => ("uniform", [("min", d.Min), ("max", d.Max)]),
            TriangularDistribution d => ("triangular", [("min", d.Min), ("mode", d.Mode), ("max", d.Max)]),
            PertDistribution d => ("pert", [("min", d.Min), ("mode", d.Mode), ("max", d.Max)]),
            FixedDistribution d => ("fixed", [("value", d.Value)]),
            _ => throw new ArgumentException($"no scenario format for {distribution.GetType().Name}", nameof(distribution)),
        };
        writer.WriteString("distribution", family);
        foreach (var (name, value) in values) writer.WriteNumber(name, value);
    }
}
