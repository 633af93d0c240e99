using System.Globalization;

namespace FunnelSim.Json;

/// <summary>Numbers in messages, written the way JSON writes them whatever the machine's culture.</summary>
internal static class InvariantFormat
{
    /// <summary>Shortest text that parses back to <paramref name="value"/>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits, for derived values such as a standard deviation.</summary>
    public static string Rounded(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Four significant digits in plain notation (8972, 0.002549, 3.658), for fitted percentiles in messages.</summary>
    public static string Plain(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return Number(value);
        int decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15);
        return Math.Round(value, decimals).ToString("0.###############", CultureInfo.InvariantCulture);
    }
}
