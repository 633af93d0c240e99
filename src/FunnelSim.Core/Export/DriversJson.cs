using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>
/// Writes a drivers result as JSON: <c>scenario</c> (echo, as run), <c>output</c> (metric, indication, year, its
/// distribution, and the currency of a money output), <c>run</c> (with <c>drawsUsed</c> when some draws had no value),
/// <c>surrogate</c>, <c>linearRSquared</c>, <c>fixedParameters</c> and <c>parameters</c> (strongest first, each with <c>path</c>, <c>label</c>, <c>spearman</c>, <c>standardizedCoefficient</c>,
/// <c>varianceShare</c> (the tree surrogate's permutation importance on a variance-share scale) and <c>ranks</c>).
/// <c>surrogate</c> holds the tree's held-out <c>rSquared</c>, the <c>attainableRSquared</c> ceiling, the held-out
/// <c>linearRSquared</c> baseline, <c>shareOfAttainable</c> and the <c>verdict</c>.
/// </summary>
public static class DriversJson
{
    private static readonly DriversJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The drivers document as indented JSON text.</summary>
    public static string Write(DriversResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var scenario = JsonDocument.Parse(ScenarioWriter.Write(result.Scenario));
        var d = result.Distribution;
        var output = new DriversOutputDocument(result.Output.Metric, result.Output.Indication, result.Output.Year ?? 0,
            d.Mean, d.Sd, d.P5, d.P50, d.P95) { Currency = result.Currency };
        var document = new DriversDocument(scenario.RootElement, output, result.Run, result.Surrogate, result.LinearRSquared,
            result.FixedParameters, result.Parameters, result.Note);
        return JsonSerializer.Serialize(document, Context.DriversDocument) + "\n";
    }
}
