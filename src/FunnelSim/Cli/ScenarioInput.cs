using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>Loads scenarios for the commands and prints their diagnostics the same way everywhere.</summary>
internal static class ScenarioInput
{
    public const string BuiltInLabel = "built-in US national base case";

    /// <summary>The SCENARIO that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How diagnostics name standard input.</summary>
    public const string StandardInputLabel = "<stdin>";

    /// <summary>
    /// Loads <paramref name="path"/> (a scenario or an overlay; standard input when <c>-</c>, with a relative
    /// <c>extends</c> resolved against the current folder), or the built-in base case when null, with the command line's
    /// <c>--set</c> changes applied.
    /// </summary>
    public static ScenarioLoadResult Load(CliContext context, string? path, IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default)
    {
        if (path is null) return ScenarioLoader.ReadBuiltIn(settings, cancellationToken);
        if (path != StandardInput) return ScenarioLoader.ReadFile(path, settings, cancellationToken);
        byte[]? bytes = ReadStandardInput(context, ScenarioReader.MaxBytes, out string? problem);
        return bytes is null
            ? new ScenarioLoadResult(null, [new Diagnostic(Severity.Error, "", problem ?? "cannot read standard input")])
            : ScenarioLoader.Read(bytes, Directory.GetCurrentDirectory(), StandardInputLabel, settings);
    }

    /// <summary>How a file is named in messages: <c>&lt;stdin&gt;</c> for <c>-</c>, control characters made visible.</summary>
    public static string Label(string? path) => path switch
    {
        null => BuiltInLabel,
        StandardInput => StandardInputLabel,
        _ => Shown.Text(path),
    };

    /// <summary>Writes each diagnostic as <c>FILE: error: PATH (line L, column C): message</c>.</summary>
    public static void Report(TextWriter writer, string label, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine($"{label}: {diagnostic}");
    }

    /// <summary>Standard input, at most <paramref name="maxBytes"/> (counted as read: a pipe has no length up front).</summary>
    private static byte[]? ReadStandardInput(CliContext context, int maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            using var input = (context.Input ?? Console.OpenStandardInput)();
            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                bytes.Write(buffer, 0, read);
                if (bytes.Length <= maxBytes) continue;
                problem = $"standard input holds more than {maxBytes} bytes; scenario files over 16 MiB are refused";
                return null;
            }
            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"cannot read standard input: {e.Message}";
            return null;
        }
    }
}
