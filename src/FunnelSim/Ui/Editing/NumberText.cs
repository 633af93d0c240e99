using System.Globalization;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// Numbers as typed in the editor: invariant decimals, <c>_</c> or <c>,</c> as thousands separators (as the command
/// line accepts), and a trailing <c>%</c> for a share (<c>45%</c> is 0.45). Written back in shortest round-trip form.
/// </summary>
internal static class NumberText
{
    public static bool TryParse(string text, out double value)
    {
        string clean = text.Trim().Replace("_", "").Replace(",", "");
        bool percent = clean.EndsWith('%');
        if (percent) clean = clean[..^1].TrimEnd();
        bool ok = double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        if (ok && percent) value /= 100;
        return ok;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A JSON number as a double, whatever it holds: <c>GetValue&lt;double&gt;</c> throws for a node created from an
    /// int or a long (e.g. a plan's members, or an integer field the editor wrote), so read its JSON text instead.
    /// </summary>
    public static double Of(System.Text.Json.Nodes.JsonNode value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
