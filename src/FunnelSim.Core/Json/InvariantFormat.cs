using System.Globalization;

namespace FunnelSim.Json;

/// <summary>Numbers in messages, written the way JSON writes them whatever the machine's culture.</summary>
internal static class InvariantFormat
{
    /// <summary>Shortest text that parses back to <paramref name="value"/>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits, for derived values such as a standard deviation.</summary>
    public static string Rounded(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
