using FunnelSim.Export;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>Output format of results.</summary>
internal enum ResultFormat
{
    Json,
    Csv,
    /// <summary>An Excel workbook (a file only: never printed to standard output).</summary>
    Xlsx,
}

internal static class ResultFormats
{
    /// <summary>The text of a text format (JSON or CSV).</summary>
    public static string Render(SimulationResult result, ResultFormat format) => format switch
    {
        ResultFormat.Csv => ResultCsv.Write(result),
        ResultFormat.Xlsx => throw new InvalidOperationException("a workbook is a file, not text: use Write"),
        _ => ResultJson.Write(result),
    };

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> atomically in <paramref name="format"/>.</summary>
    public static void Write(string path, SimulationResult result, ResultFormat format)
    {
        if (format == ResultFormat.Xlsx) AtomicFile.Write(path, stream => ResultWorkbook.Write(result, stream));
        else AtomicFile.WriteAllText(path, Render(result, format));
    }

    /// <summary>Writes <paramref name="result"/> to the file or standard output ('-'); false (after saying why) when it cannot.</summary>
    public static bool Write(CliContext context, string outPath, SimulationResult result, ResultFormat format) =>
        format == ResultFormat.Xlsx
            ? OutputTarget.Write(context, outPath, stream => ResultWorkbook.Write(result, stream))
            : OutputTarget.Write(context, outPath, Render(result, format));

    public static string Extension(ResultFormat format) => format switch
    {
        ResultFormat.Csv => ".csv",
        ResultFormat.Xlsx => ".xlsx",
        _ => ".json",
    };

    /// <summary>The format asked for, else the one the output file's extension names, else JSON.</summary>
    public static ResultFormat Choose(string? asked, string? outputPath) => asked?.ToLowerInvariant() switch
    {
        "csv" => ResultFormat.Csv,
        "json" => ResultFormat.Json,
        "xlsx" => ResultFormat.Xlsx,
        _ => Path.GetExtension(outputPath)?.ToLowerInvariant() switch
        {
            ".csv" => ResultFormat.Csv,
            ".xlsx" => ResultFormat.Xlsx,
            _ => ResultFormat.Json,
        },
    };

    /// <summary>True (after saying so) when a workbook is asked for without a file to write it to.</summary>
    public static bool WorkbookWithoutFile(CliContext context, string command, string? asked, string? outputPath)
    {
        if (outputPath is not null || !string.Equals(asked, "xlsx", StringComparison.OrdinalIgnoreCase)) return false;
        context.Error.WriteLine($"funnelsim {command}: --format xlsx writes an Excel workbook, which needs a file: add --out FILE.xlsx.");
        return true;
    }
}
