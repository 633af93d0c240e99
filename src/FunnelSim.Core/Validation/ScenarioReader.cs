using System.Collections.Immutable;
using FunnelSim.Scenarios;

namespace FunnelSim.Validation;

/// <summary>
/// Reads and validates scenario JSON. Never throws on bad input: every problem becomes a <see cref="Diagnostic"/>.
/// </summary>
public static partial class ScenarioReader
{
    /// <summary>Reads a scenario from UTF-8 JSON bytes.</summary>
    public static ScenarioLoadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        _ = utf8Json;
        return new ScenarioLoadResult(null, [new Diagnostic(Severity.Error, "", "not implemented yet")]);
    }

    /// <summary>Reads a scenario from JSON text.</summary>
    public static ScenarioLoadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a scenario file; an unreadable file is an error diagnostic, not an exception.</summary>
    public static ScenarioLoadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ScenarioLoadResult(null, [new Diagnostic(Severity.Error, "", $"cannot read '{path}': {e.Message}")]);
        }
        return Read(bytes);
    }
}
