using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>Loads scenarios for the commands and prints their diagnostics the same way everywhere.</summary>
internal static class ScenarioInput
{
    public const string BuiltInLabel = "built-in US national base case";

    /// <summary>
    /// Loads <paramref name="path"/> (a scenario or an overlay), or the built-in base case when null, with the
    /// command line's <c>--set</c> changes applied.
    /// </summary>
    public static ScenarioLoadResult Load(string? path, IReadOnlyList<OverlaySetting>? settings = null) =>
        path is null ? ScenarioLoader.ReadBuiltIn(settings) : ScenarioLoader.ReadFile(path, settings);

    /// <summary>Writes each diagnostic as <c>FILE: error: PATH (line L, column C): message</c>.</summary>
    public static void Report(TextWriter writer, string label, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine($"{label}: {diagnostic}");
    }
}
