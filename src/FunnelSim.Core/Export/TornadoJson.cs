using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunnelSim.Analysis;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>
/// Writes a tornado as JSON: <c>scenario</c>, <c>output</c> (metric, indication, year; currency for money), <c>run</c> (<c>method</c>:
/// <c>expectation</c> or <c>simulation</c>; iterations, seed and threads for a simulation; engineVersion, elapsedSeconds),
/// <c>base</c> (mean, and mcse for a simulation), <c>bars</c> (widest first: path, label, low, high, outputAtLow,
/// outputAtHigh, mcseAtLow, mcseAtHigh, swing, swingMcse — the mcse fields only for a simulation) and <c>noEffect</c>
/// (inputs that cannot or did not move the output: path, label).
/// </summary>
public static class TornadoJson
{
    /// <summary>The tornado as indented JSON text.</summary>
    public static string Write(TornadoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            if (result.ScenarioName is { } name) w.WriteString("scenario", name);
            w.WriteStartObject("output");
            w.WriteString("metric", result.Output.Metric);
            w.WriteString("indication", result.Output.Indication);
            w.WriteNumber("year", result.Output.Year ?? 0);
            if (result.Currency is { } currency) w.WriteString("currency", currency);
            w.WriteEndObject();
            bool simulated = result.Method == TornadoMethod.Simulation;
            w.WriteStartObject("run");
            w.WriteString("method", MethodName(result.Method));
            if (simulated)
            {
                w.WriteNumber("iterations", result.Run.Iterations);
                w.WriteNumber("seed", result.Run.Seed);
            }
            w.WriteString("engineVersion", result.Run.EngineVersion);
            if (simulated) w.WriteNumber("threads", result.Run.Threads);
            w.WriteNumber("elapsedSeconds", Math.Round(result.Run.ElapsedSeconds, 3));
            w.WriteEndObject();
            w.WriteStartObject("base");
            w.WriteNumber("mean", result.BaseOutput);
            if (simulated) w.WriteNumber("mcse", result.BaseMcse);
            w.WriteEndObject();
            w.WriteStartArray("bars");
            foreach (var bar in result.Bars)
            {
                w.WriteStartObject();
                w.WriteString("path", bar.Input.Path);
                w.WriteString("label", bar.Input.Label);
                w.WriteNumber("low", bar.Input.Low);
                w.WriteNumber("high", bar.Input.High);
                w.WriteNumber("outputAtLow", bar.OutputAtLow);
                w.WriteNumber("outputAtHigh", bar.OutputAtHigh);
                if (simulated)
                {
                    w.WriteNumber("mcseAtLow", bar.McseAtLow);
                    w.WriteNumber("mcseAtHigh", bar.McseAtHigh);
                }
                w.WriteNumber("swing", bar.Swing);
                if (simulated) w.WriteNumber("swingMcse", bar.SwingMcse);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("noEffect");
            foreach (var input in result.NoEffect)
            {
                w.WriteStartObject();
                w.WriteString("path", input.Path);
                w.WriteString("label", input.Label);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>The method as JSON and CSV write it: <c>expectation</c> or <c>simulation</c>.</summary>
    public static string MethodName(TornadoMethod method) => method switch
    {
        TornadoMethod.Expectation => "expectation",
        TornadoMethod.Simulation => "simulation",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
