using System.Text.RegularExpressions;

namespace FunnelSim.Json;

/// <summary>Rewrites System.Text.Json's syntax messages for people editing a scenario by hand.</summary>
internal static partial class SyntaxMessages
{
    /// <summary>The message without .NET's position suffix (the diagnostic carries line and column) or reader jargon.</summary>
    public static string Clean(string message)
    {
        string text = PositionSuffix().Replace(message, "").Trim();
        if (text.Contains("trailing comma", StringComparison.Ordinal))
            return "invalid JSON: trailing commas are not allowed";
        if (text.StartsWith("'/'", StringComparison.Ordinal))
            return "invalid JSON: comments are not allowed";
        return $"invalid JSON: {text}";
    }

    [GeneratedRegex(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}
