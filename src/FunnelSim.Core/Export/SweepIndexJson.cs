using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunnelSim.Sweeps;

namespace FunnelSim.Export;

/// <summary>Writes a <see cref="SweepIndex"/> as indented JSON.</summary>
public static class SweepIndexJson
{
    private static readonly SweepIndexJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The index as JSON text.</summary>
    public static string Write(SweepIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return JsonSerializer.Serialize(index, Context.SweepIndex) + "\n";
    }

    /// <summary>The batch index as indented JSON (batch.json).</summary>
    public static string Write(BatchIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return JsonSerializer.Serialize(index, Context.BatchIndex) + "\n";
    }
}
