using System.Globalization;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// Numbers formatted for reading: thousands separators, sensible rounding, percentages, signed differences.
/// The core and every file stay invariant; only this display formatting may follow a culture.
/// </summary>
public static class Numbers
{
    /// <summary>The culture used for display (invariant unless a caller chooses otherwise).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.InvariantCulture;

    /// <summary>A count-like mean: whole numbers from 100 up, one decimal below.</summary>
    public static string Count(double value) => Math.Abs(value) >= 99.95
        ? value.ToString("N0", Culture)
        : value.ToString("N1", Culture);

    /// <summary>A signed difference: <c>+1,234</c>, <c>−5.2</c>, <c>0</c>.</summary>
    public static string Signed(double value)
    {
        if (value == 0) return "0";
        string magnitude = Count(Math.Abs(value));
        return (value > 0 ? "+" : "−") + magnitude;
    }

    /// <summary>An interval <c>1,100–1,380</c>.</summary>
    public static string Range(double low, double high) => $"{Count(low)}–{Count(high)}";

    /// <summary>An interval of differences <c>+12 to +40</c>.</summary>
    public static string SignedRange(double low, double high) => $"{Signed(low)} to {Signed(high)}";

    /// <summary>A share as a percentage with as many decimals as small shares need: 45%, 0.25%.</summary>
    public static string Percent(double share)
    {
        double percent = share * 100;
        string format = Math.Abs(percent) >= 10 || percent == Math.Round(percent) ? "0.#" : Math.Abs(percent) >= 1 ? "0.##" : "0.###";
        return percent.ToString(format, Culture) + "%";
    }

    /// <summary>Seconds as <c>3 s</c> or <c>2 min 05 s</c>.</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds < 60
        ? $"{Math.Ceiling(time.TotalSeconds).ToString("0", Culture)} s"
        : $"{(int)time.TotalMinutes} min {time.Seconds:00} s";
}
