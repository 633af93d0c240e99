using System.Text.Json.Nodes;

namespace FunnelSim.Json;

/// <summary>
/// One change an overlay makes: the value at <paramref name="Path"/> (sweep path syntax; an array element may be
/// selected by its id in brackets) is replaced by <paramref name="Value"/>. <paramref name="Origin"/> names where the
/// change was written for messages (<c>set "…" in whatif.json</c>, <c>--set …</c>), with its line and column where known.
/// </summary>
public sealed record OverlaySetting(string Path, JsonNode? Value, string Origin, int? Line = null, int? Column = null)
{
    /// <summary>
    /// Reads a command-line <c>PATH=VALUE</c>: VALUE is JSON (<c>0.85</c>, <c>true</c>, <c>{"value": 0.5}</c>), and text
    /// that is not JSON is taken as a string. Null and why when there is no <c>=</c> or no path.
    /// </summary>
    public static OverlaySetting? FromCommandLine(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"--set takes PATH=VALUE, e.g. --set indications[pdac].testing.uptake.value=0.7; got '{text}'";
            return null;
        }
        string path = text[..equals].Trim(), raw = text[(equals + 1)..].Trim();
        if (DocumentPath.Parse(path, out string? syntax) is null)
        {
            error = $"--set {text}: {syntax}";
            return null;
        }
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            value = JsonValue.Create(raw);
        }
        return new OverlaySetting(path, value, $"--set {text}");
    }
}
