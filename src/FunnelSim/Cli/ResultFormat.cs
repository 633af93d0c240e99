using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>Output format of results.</summary>
internal enum ResultFormat
{
    Json,
    Csv,
    /// <summary>For people: <see cref="RunTable"/>.</summary>
    Table,
}

internal static class ResultFormats
{
    public static string Render(SimulationResult result, ResultFormat format) =>
        format == ResultFormat.Csv ? ResultCsv.Write(result) : ResultJson.Write(result);

    public static string Extension(ResultFormat format) => format == ResultFormat.Csv ? ".csv" : ".json";

    /// <summary>
    /// The format asked for, else the one the output file's extension names, else a table when <paramref name="forPeople"/>
    /// (standard output is a terminal and there is no --out), else JSON.
    /// </summary>
    public static ResultFormat Choose(string? asked, string? outputPath, bool forPeople = false) => asked?.ToLowerInvariant() switch
    {
        "csv" => ResultFormat.Csv,
        "json" => ResultFormat.Json,
        "table" => ResultFormat.Table,
        _ when forPeople && outputPath is null => ResultFormat.Table,
        _ => string.Equals(Path.GetExtension(outputPath), ".csv", StringComparison.OrdinalIgnoreCase)
            ? ResultFormat.Csv
            : ResultFormat.Json,
    };
}
