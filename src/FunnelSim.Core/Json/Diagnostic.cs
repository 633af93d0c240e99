using System.Globalization;

namespace FunnelSim.Json;

/// <summary>
/// One finding about a scenario: where (<paramref name="Path"/>, e.g.
/// <c>indications[1].testing.modalities[0].sensitivity.value</c>; empty for the whole document), what is wrong and
/// what is allowed (<paramref name="Message"/>), and the 1-based line and column in the file where known.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Path, string Message, int? Line = null, int? Column = null)
{
    /// <summary>True for <see cref="Severity.Error"/>.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <summary><c>error: indications[0].prevalence.value (line 12, column 20): …</c></summary>
    public override string ToString()
    {
        string where = Path.Length == 0 ? "" : Path;
        if (Line is int line && Column is int column)
            where += string.Create(CultureInfo.InvariantCulture, $"{(where.Length == 0 ? "" : " ")}(line {line}, column {column})");
        string severity = IsError ? "error" : "warning";
        return where.Length == 0 ? $"{severity}: {Message}" : $"{severity}: {where}: {Message}";
    }
}
