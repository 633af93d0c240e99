using FunnelSim.Scenarios;
using FunnelSim.Validation;

namespace FunnelSim.Cli;

/// <summary>Loads scenarios for the commands and prints their diagnostics the same way everywhere.</summary>
internal static class ScenarioInput
{
    public const string BuiltInLabel = "built-in US national base case";

    /// <summary>Loads <paramref name="path"/>, or the built-in base case when null.</summary>
    public static ScenarioLoadResult Load(string? path, CancellationToken cancellationToken = default) =>
        path is null ? BuiltInScenarios.LoadUsNationalBase() : ScenarioReader.ReadFile(path, cancellationToken);

    /// <summary>Writes each diagnostic as <c>FILE: error: PATH (line L, column C): message</c>.</summary>
    public static void Report(TextWriter writer, string label, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine($"{label}: {diagnostic}");
    }
}
