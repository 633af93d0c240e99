using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Ui.Editing;

namespace FunnelSim.Ui.Calibrating;

/// <summary>One observed count as typed: every cell is text until the core reads it.</summary>
/// <param name="Indication">An indication id, or <c>total</c>.</param>
/// <param name="Year">A year of the scenario's horizon.</param>
/// <param name="Metric">A yearly count the model reports (<c>tested</c>, <c>identified</c>, <c>treatedNew</c>, …).</param>
/// <param name="Value">The count observed.</param>
/// <param name="Fraction">The part of the year observed (empty: the whole year).</param>
public sealed record ObservedRow(string Indication = "", string Year = "", string Metric = "", string Value = "", string Fraction = "")
{
    /// <summary>True when nothing is typed in the row (it is left out).</summary>
    public bool IsEmpty => new[] { Indication, Year, Metric, Value, Fraction }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Observed counts typed in the terminal UI, read by the core exactly as an observed-counts file is
/// (<see cref="ObservedCounts"/>): the rows become the same JSON, so the messages are the command line's, at the same
/// paths (<c>observations[1].year</c> is the second row's year).
/// </summary>
public static class ObservedRows
{
    /// <summary>The JSON of an observed-counts file holding the non-empty <paramref name="rows"/>.</summary>
    public static string ToJson(IReadOnlyList<ObservedRow> rows)
    {
        var observations = new JsonArray();
        foreach (var row in rows.Where(r => !r.IsEmpty))
        {
            var item = new JsonObject();
            if (row.Indication.Trim().Length > 0) item["indication"] = row.Indication.Trim();
            if (row.Year.Trim().Length > 0) item["year"] = Number(row.Year);
            if (row.Metric.Trim().Length > 0) item["metric"] = row.Metric.Trim();
            if (row.Value.Trim().Length > 0) item["value"] = Number(row.Value);
            if (row.Fraction.Trim().Length > 0) item["fraction"] = Number(row.Fraction);
            observations.Add(item);
        }
        return new JsonObject { ["observations"] = observations }.ToJsonString();
    }

    /// <summary>The core's reading of the rows against <paramref name="model"/>.</summary>
    public static ObservedLoadResult Validate(IReadOnlyList<ObservedRow> rows, CompiledModel model) =>
        ObservedCounts.Read(ToJson(rows), model);

    /// <summary>
    /// The index among <paramref name="rows"/> a diagnostic's path names (<c>observations[i]…</c> counts non-empty
    /// rows only), or -1 for the list as a whole.
    /// </summary>
    public static int RowOf(IReadOnlyList<ObservedRow> rows, Diagnostic diagnostic)
    {
        const string prefix = "observations[";
        if (!diagnostic.Path.StartsWith(prefix, StringComparison.Ordinal)) return -1;
        int close = diagnostic.Path.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(diagnostic.Path.AsSpan(prefix.Length, close - prefix.Length), out int item)) return -1;
        for (int r = 0, seen = 0; r < rows.Count; r++)
        {
            if (rows[r].IsEmpty) continue;
            if (seen++ == item) return r;
        }
        return -1;
    }

    /// <summary>A diagnostic said of its row: <c>year: must be a year of the scenario's horizon, 2026 to 2035</c>.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        int close = diagnostic.Path.IndexOf(']', StringComparison.Ordinal);
        string field = close >= 0 && close + 2 <= diagnostic.Path.Length ? diagnostic.Path[Math.Min(diagnostic.Path.Length, close + 2)..] : "";
        return field.Length == 0 ? diagnostic.Message : $"{field}: {diagnostic.Message}";
    }

    /// <summary>
    /// The rows of an observed-counts file, for editing before a run; the problems instead when the file cannot be read
    /// as JSON with an <c>observations</c> array.
    /// </summary>
    public static (List<ObservedRow>? Rows, string? Problem) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return (null, $"{Path.GetFileName(path)} cannot be read: {e.Message}");
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, $"{Path.GetFileName(path)} is not JSON: {e.Message}");
        }
        if (root?["observations"] is not JsonArray list)
            return (null, $"{Path.GetFileName(path)} has no \"observations\" array (see docs/calibration.md)");
        var rows = list.Select(item => new ObservedRow(
            Cell(item?["indication"]), Cell(item?["year"]), Cell(item?["metric"]), Cell(item?["value"]), Cell(item?["fraction"]))).ToList();
        return (rows, null);
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>A number as typed (1,200 and 50% read as the editor reads them); text that is not one stays text, so the core names it.</summary>
    private static JsonNode Number(string text) =>
        NumberText.TryParse(text, out double value) ? JsonValue.Create(value) : JsonValue.Create(text.Trim());
}
