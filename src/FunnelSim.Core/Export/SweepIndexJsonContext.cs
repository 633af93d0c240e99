using System.Text.Json.Serialization;
using FunnelSim.Sweeps;

namespace FunnelSim.Export;

/// <summary>Source-generated serialization of the sweep index.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SweepIndex))]
[JsonSerializable(typeof(BatchIndex))]
internal sealed partial class SweepIndexJsonContext : JsonSerializerContext;
