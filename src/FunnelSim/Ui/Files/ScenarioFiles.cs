using FunnelSim.Results;
using FunnelSim.Ui.Editing;
using FunnelSim.Validation;

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
        byte[]? bytes;
        try
        {
            // Read once, bounded by bytes actually read (a recent-files entry may name a device such as /dev/zero).
            bytes = BoundedFile.ReadAllBytes(path, ScenarioReader.MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            return (null, [new Diagnostic(Severity.Error, "", $"cannot read '{path}': {e.Message}")]);
        }
        if (bytes is null)
            return (null, [new Diagnostic(Severity.Error, "",
                $"'{path}' holds more than 16 MiB ({ScenarioReader.MaxBytes} bytes); scenario files over 16 MiB are refused")]);
        var load = ScenarioReader.Read(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var document = ScenarioDocument.FromJson(reader.ReadToEnd(), Path.GetFullPath(path));
        return (document, load.Diagnostics);
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
            Cli.AtomicFile.WriteAllText(path, text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write '{path}': {e.Message}";
        }
    }
}
