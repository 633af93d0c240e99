using System.Security.Cryptography;
using System.Text;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>SHA-256 fingerprints of a scenario, so a report or workbook names exactly what was run.</summary>
public static class ScenarioHash
{
    /// <summary>What <see cref="OfFile"/> hashes, in words.</summary>
    public const string FileBytes = "the scenario file's bytes";

    /// <summary>What <see cref="OfCanonical"/> hashes, in words.</summary>
    public const string CanonicalForm = "the scenario's canonical form (as FunnelSim writes it and echoes it in results, UTF-8)";

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/> (a scenario file as read).</summary>
    public static string OfFile(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Lower-case hex SHA-256 of the scenario's canonical JSON (<see cref="ScenarioWriter.Write(Scenario)"/>, UTF-8).</summary>
    public static string OfCanonical(Scenario scenario) => OfFile(Encoding.UTF8.GetBytes(ScenarioWriter.Write(scenario)));
}
