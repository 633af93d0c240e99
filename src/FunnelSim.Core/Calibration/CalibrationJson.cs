using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FunnelSim.Calibration;

/// <summary>
/// The calibration report as JSON: settings, sampler diagnostics, each input's prior and posterior, each observation
/// against the prior and posterior predictive, and the projection. Key names are a contract (docs/calibration.md).
/// </summary>
public static class CalibrationJson
{
    /// <summary>The report as indented JSON.</summary>
    public static string Write(CalibrationResult result, string engineVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", result.Scenario.Name);
            w.WriteStartObject("run");
            w.WriteNumber("draws", result.Options.Draws);
            w.WriteNumber("seed", result.Options.Seed);
            w.WriteString("method", "sequential Monte Carlo with likelihood tempering");
            w.WriteString("likelihood", result.Likelihood);
            w.WriteNumber("stages", result.Stages);
            w.WriteNumber("effectiveSampleSize", Math.Round(result.EffectiveSampleSize, 1));
            w.WriteNumber("minEffectiveSampleSize", Math.Round(result.MinEffectiveSampleSize, 1));
            w.WriteNumber("acceptance", Math.Round(result.Acceptance, 4));
            w.WriteString("engineVersion", engineVersion);
            w.WriteNumber("elapsedSeconds", Math.Round(result.ElapsedSeconds, 3));
            w.WriteEndObject();
            w.WriteStartArray("warnings");
            foreach (string warning in result.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteStartArray("parameters");
            foreach (var p in result.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.WriteString("label", p.Label);
                WriteInterval(w, "prior", p.Prior);
                WriteInterval(w, "posterior", p.Posterior);
                w.WriteNumber("shift", Math.Round(p.Shift, 4));
                w.WriteNumber("widthRatio", Math.Round(p.WidthRatio, 4));
                w.WriteBoolean("updated", p.Updated);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("observations");
            foreach (var c in result.Checks)
            {
                w.WriteStartObject();
                w.WriteString("indication", c.Observation.Indication);
                w.WriteNumber("year", c.Observation.Year);
                w.WriteString("metric", c.Observation.Metric);
                w.WriteNumber("value", c.Observation.Value);
                w.WriteNumber("fraction", c.Observation.Fraction);
                w.WriteStartObject("priorPredictive");
                w.WriteNumber("mean", c.PriorMean);
                w.WriteNumber("p0_5", c.PriorLow99);
                w.WriteNumber("p99_5", c.PriorHigh99);
                w.WriteEndObject();
                w.WriteBoolean("conflict", c.Conflict);
                WriteInterval(w, "posteriorPredictive", c.Posterior);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("projection");
            foreach (var row in result.Projection)
            {
                w.WriteStartObject();
                w.WriteString("indication", row.Indication);
                w.WriteString("metric", row.Metric);
                w.WriteNumber("year", row.Year);
                WriteInterval(w, "prior", row.Prior);
                WriteInterval(w, "posterior", row.Posterior);
                if (row.Observed is long observed)
                {
                    w.WriteNumber("observed", observed);
                    w.WriteNumber("observedFraction", row.ObservedFraction);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteInterval(Utf8JsonWriter w, string name, Interval interval)
    {
        w.WriteStartObject(name);
        w.WriteNumber("mean", interval.Mean);
        w.WriteNumber("p5", interval.P5);
        w.WriteNumber("p95", interval.P95);
        w.WriteEndObject();
    }
}
