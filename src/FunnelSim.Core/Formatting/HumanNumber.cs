using System.Globalization;

namespace FunnelSim.Formatting;

/// <summary>
/// The one way FunnelSim writes a number for people to read — every table, chart and report of the command line and
/// the terminal UI goes through here, so one value reads the same everywhere. Invariant culture. Counts and amounts
/// keep three significant figures (0.0391, 7.25, 12.3) and are whole from 100 up (1,234); a negative number takes the
/// minus sign −; a difference takes + or −, and is plain 0 only when it is exactly 0.
/// Files meant for programs (JSON, CSV) never use this: they write round-trip numbers.
/// </summary>
public static partial class HumanNumber
{
    /// <summary>The culture of every human-readable number (thousands separator ",", decimal point ".").</summary>
    public static CultureInfo Culture { get; } = CultureInfo.InvariantCulture;

    /// <summary>The minus sign of human-readable numbers (U+2212, as wide as +).</summary>
    public const string Minus = "−";

    /// <summary>Significant figures kept below 100.</summary>
    public const int Figures = 3;

    /// <summary>
    /// A count or amount: whole with thousands separators from 100 up (1,234), else three significant figures with
    /// trailing zeros dropped (7.25, 12.3, 0.0391, 5). "–" for a missing value (NaN).
    /// </summary>
    public static string Count(double value) => Sign(value) + Magnitude(Math.Abs(value));

    /// <summary>A difference: +1,234, −0.0391, and 0 only when it is exactly 0.</summary>
    public static string Signed(double value) => double.IsNaN(value) ? "–" : value switch
    {
        > 0 => "+" + Magnitude(value),
        < 0 => Minus + Magnitude(-value),
        _ => "0",
    };

    /// <summary>An interval <c>1,100–1,380</c> (the ends as <see cref="Count"/>).</summary>
    public static string Interval(double low, double high) => $"{Count(low)}–{Count(high)}";

    /// <summary>An interval of differences <c>+12 to +40</c>, <c>−3.1 to +2.5</c>.</summary>
    public static string SignedInterval(double low, double high) => $"{Signed(low)} to {Signed(high)}";

    /// <summary>
    /// A count in the compact form of chart labels: as <see cref="Count"/> below 10,000, else three significant
    /// figures with k, M or B (12.3k, 1.05M).
    /// </summary>
    public static string Compact(double value)
    {
        double size = Math.Abs(value);
        return size < 10_000 || double.IsNaN(size) ? Count(value) : Sign(value) + Scaled(size);
    }

    /// <summary>A share (0.45 → 45%, 0.0025 → 0.25%, 0.912 → 91.2%): three significant figures of the percentage.</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "–" : Count(share * 100) + "%";

    /// <summary>
    /// A share of iterations (a chance estimated by counting): one decimal (91.2%), exactly 0% and 100% only when
    /// no or every iteration counted, "&lt; 0.1%" and "&gt; 99.9%" for rare but possible outcomes.
    /// </summary>
    public static string Probability(double probability) => probability switch
    {
        double.NaN => "–",
        <= 0 => "0%",
        >= 1 => "100%",
        < 0.001 => "< 0.1%",
        > 0.999 => "> 99.9%",
        _ => (probability * 100).ToString("0.0", Culture) + "%",
    };

    /// <summary>A whole number with thousands separators: 20,000 iterations.</summary>
    public static string Whole(long value) => value < 0 ? Minus + (-value).ToString("#,0", Culture) : value.ToString("#,0", Culture);

    /// <summary>A statistic read to a fixed number of decimals (R² 0.912, a correlation +0.341): columns line up.</summary>
    public static string Fixed(double value, int decimals, bool signed = false)
    {
        if (double.IsNaN(value)) return "–";
        string digits = Math.Abs(value).ToString("0." + new string('0', decimals), Culture);
        bool zero = digits.All(c => c is '0' or '.');
        return zero ? (signed ? " " : "") + digits : (value < 0 ? Minus : signed ? "+" : "") + digits;
    }

    /// <summary>Seconds of a run: 0.42 s, 3.1 s, 75 s.</summary>
    public static string Seconds(double seconds) => Count(seconds) + " s";

    /// <summary>A wait: <c>3 s</c> or <c>2 min 05 s</c> (rounded up: a countdown never reads 0 while work remains).</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds < 60
        ? $"{Math.Ceiling(time.TotalSeconds).ToString("0", Culture)} s"
        : $"{(int)time.TotalMinutes} min {time.Seconds.ToString("00", Culture)} s";

    private static string Sign(double value) => value < 0 ? Minus : "";

    /// <summary>A non-negative magnitude: whole from 100 up, else <see cref="Figures"/> significant figures.</summary>
    private static string Magnitude(double size)
    {
        if (double.IsNaN(size)) return "–";
        if (double.IsInfinity(size)) return "∞";
        if (size == 0) return "0";
        if (Math.Round(size, Decimals(size, Figures)) >= 100) return size.ToString("#,0", Culture);
        return Significant(size, Figures);
    }

    /// <summary>Three significant figures with k, M or B.</summary>
    private static string Scaled(double size)
    {
        (double scaled, string unit) = size switch
        {
            >= 999.5e6 => (size / 1e9, "B"),
            >= 999.5e3 => (size / 1e6, "M"),
            _ => (size / 1e3, "k"),
        };
        string digits = scaled >= 99.95 ? scaled.ToString("#,0", Culture) : scaled >= 9.995 ? scaled.ToString("0.0", Culture) : scaled.ToString("0.00", Culture);
        return digits + unit;
    }

    /// <summary>A positive number with <paramref name="figures"/> significant figures, fixed notation, trailing zeros dropped.</summary>
    internal static string Significant(double size, int figures)
    {
        int decimals = Decimals(size, figures);
        double rounded = Math.Round(size, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0." + new string('#', decimals), Culture);
    }

    private static int Decimals(double size, int figures) =>
        Math.Clamp(figures - 1 - (int)Math.Floor(Math.Log10(size)), 0, 15);
}
