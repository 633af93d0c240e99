using System.Text.Json.Serialization;

namespace FunnelSim.Export;

/// <summary>Source-generated serialization of drivers results.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DriversDocument))]
internal sealed partial class DriversJsonContext : JsonSerializerContext;
