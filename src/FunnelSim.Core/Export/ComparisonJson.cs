using System.Text.Json;
using FunnelSim.Analysis;
using FunnelSim.Json;

namespace FunnelSim.Export;

/// <summary>
/// Writes a <see cref="ComparisonResult"/> as JSON: <c>scenarioA</c>, <c>scenarioB</c> (each as run, so either reruns),
/// <c>run</c>, then <c>indications[]</c> → <c>id</c>, <c>years[]</c> → <c>year</c>, <c>metrics</c> → name →
/// <c>{ "a": {summary}, "b": {summary}, "difference": {mean, sd, p5, p50, p95, mcse}, "probabilityBGreater",
/// "probabilityBLess", "probabilityEqual" }</c>,
/// and the same under <c>total</c>.
/// </summary>
public static class ComparisonJson
{
    /// <summary>The comparison as indented JSON text with a final newline.</summary>
    public static string Write(ComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var a = JsonDocument.Parse(ScenarioWriter.Write(comparison.A));
        using var b = JsonDocument.Parse(ScenarioWriter.Write(comparison.B));
        var document = new ComparisonDocument(a.RootElement, b.RootElement, comparison.Run, comparison.Indications, comparison.Total);
        return JsonSerializer.Serialize(document, ResultJson.Context.ComparisonDocument) + "\n";
    }
}
