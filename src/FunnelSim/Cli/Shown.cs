using System.Globalization;
using System.Text;

namespace FunnelSim.Cli;

/// <summary>
/// Text from outside (file names, option values) as it is echoed to the terminal: control characters are made visible
/// (<c>\e</c>, <c>\n</c>, <c>\x07</c>, …) so that a file name holding ESC cannot recolour or rewrite the user's terminal and a
/// name holding a newline cannot forge a line of output.
/// </summary>
internal static class Shown
{
    public static string Text(string? text)
    {
        if (text is null) return "";
        if (!text.Any(NeedsEscape)) return text;
        var shown = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (!NeedsEscape(c) && c != '\\')
            {
                shown.Append(c);
                continue;
            }
            shown.Append(c switch
            {
                '\u001b' => "\\e",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return shown.ToString();
    }

    // A backslash is escaped only in text that has some other escape, so that ordinary Windows-style names read as typed
    // yet an escaped name stays unambiguous.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
