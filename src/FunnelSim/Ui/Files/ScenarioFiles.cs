using FunnelSim.Files;
using FunnelSim.Compilation;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Results;
using FunnelSim.Ui.Editing;

namespace FunnelSim.Ui.Files;

/// <summary>Opening and saving scenario files and exporting results, with every failure returned as text, never thrown.</summary>
public static class ScenarioFiles
{
    /// <summary>
    /// Opens <paramref name="path"/>. A file that is valid JSON opens even with validation errors (they show in the
    /// editor and can be fixed there); one that cannot be read or parsed returns its diagnostics and no document.
    /// </summary>
    public static (ScenarioDocument? Document, IReadOnlyList<Diagnostic> Problems) Open(string path)
    {
        var load = ScenarioLoader.ReadFile(path);
        // An overlay opens as the scenario it resolves to, untitled: saving it writes a full scenario to a new file.
        if (load.ResolvedJson is { } resolved) return (ScenarioDocument.FromJson(resolved, null), load.Diagnostics);
        if (IsOverlay(path)) return (null, load.Diagnostics);
        string? text;
        try
        {
            text = ReadText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, load.Diagnostics.IsEmpty ? [new Diagnostic(Severity.Error, "", $"cannot read '{path}': {e.Message}")] : load.Diagnostics);
        }
        if (text is null) return (null, load.Diagnostics);
        var document = ScenarioDocument.FromJson(text, Path.GetFullPath(path));
        return (document, load.Diagnostics);
    }

    // Bounded by bytes actually read, as the reader is (a recent-files entry may name a device such as /dev/zero):
    // null when over the limit, which the reader has already reported.
    private static string? ReadText(string path)
    {
        if (BoundedFile.ReadAllBytes(path, ScenarioReader.MaxBytes) is not { } bytes) return null;
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static bool IsOverlay(string path)
    {
        try
        {
            return ReadText(path) is { } text
                   && System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject o && o.ContainsKey("extends");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Saves the document to <paramref name="path"/> atomically; returns an error message or null.</summary>
    public static string? Save(ScenarioDocument document, string path)
    {
        string? error = Write(path, document.SaveText());
        if (error is null) document.MarkSaved(Path.GetFullPath(path));
        return error;
    }

    /// <summary>Writes results as JSON or CSV (by the file's extension) atomically; returns an error message or null.</summary>
    public static string? Export(SimulationResult result, string path) =>
        Write(path, string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase)
            ? ResultCsv.Write(result)
            : ResultJson.Write(result));

    private static string? Write(string path, string text)
    {
        try
        {
            if (Directory.Exists(path)) return $"'{path}' is a folder; give a file name";
            AtomicFile.WriteAllText(path, text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write '{path}': {e.Message}";
        }
    }
}
