using System.Text.Json.Serialization;

namespace FunnelSim.Export;

/// <summary>Source-generated serialization of results (no reflection; trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResultDocument))]
[JsonSerializable(typeof(FunnelSim.Export.ComparisonDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
