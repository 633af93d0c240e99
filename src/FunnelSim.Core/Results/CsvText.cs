namespace FunnelSim.Results;

/// <summary>
/// A text field of a CSV file (names, ids, paths, labels): RFC 4180 quoting when it holds a comma, quote or line break,
/// and neutralised against spreadsheet formula injection — a field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return is prefixed with <c>'</c>, so a spreadsheet shows it as text instead of evaluating it.
/// Numbers are not text fields: a negative number is written as it is.
/// </summary>
public static class CsvText
{
    /// <summary>The field as written into a CSV row.</summary>
    public static string Field(string? text)
    {
        string field = text ?? "";
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r') field = "'" + field;
        return field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
