using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>Scenario material shipped inside the core: the US national base case and the JSON Schema.</summary>
public static class BuiltInScenarios
{
    /// <summary>File name of the base case in <c>scenarios/</c>.</summary>
    public const string UsNationalBaseFileName = "us-national-base.json";

    /// <summary>
    /// The US national base case, identical to <c>scenarios/us-national-base.json</c>. It has no correlations, so reading
    /// it is the whole check (a test checks it with <c>ScenarioLoader</c> too).
    /// </summary>
    public static ScenarioLoadResult LoadUsNationalBase() => ScenarioReader.Read(UsNationalBaseJson);

    /// <summary>The base case's file, byte for byte.</summary>
    internal static byte[] UsNationalBaseJson => Resource("FunnelSim.us-national-base.json");

    /// <summary>The JSON Schema of scenario files, identical to <c>scenarios/scenario.schema.json</c>.</summary>
    public static string Schema => System.Text.Encoding.UTF8.GetString(Resource("FunnelSim.scenario.schema.json"));

    private static byte[] Resource(string name)
    {
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
