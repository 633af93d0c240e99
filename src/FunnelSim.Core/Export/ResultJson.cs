using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>Writes results as JSON: <c>scenario</c> (echo, as run), <c>run</c>, <c>indications</c>, <c>total</c>.</summary>
public static class ResultJson
{
    // Readable text (names with "–" or "×" stay as written); still valid JSON. Results are files, not HTML.
    internal static readonly ResultJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The results document as indented JSON text.</summary>
    public static string Write(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var scenario = JsonDocument.Parse(ScenarioWriter.Write(result.Scenario));
        var document = new ResultDocument(scenario.RootElement, result.Run, result.Indications, result.Total)
        {
            Prices = PriceBasis.Of(result.Scenario),
        };
        return JsonSerializer.Serialize(document, Context.ResultDocument) + "\n";
    }
}
