using System.Globalization;

namespace FunnelSim.Results;

/// <summary>
/// How the budget impact table writes its numbers, shared by the command line and the terminal UI (invariant culture):
/// money in whole units with thousands separators, PMPM to fractions of a cent, patients to two significant digits
/// below 1, probabilities as percentages; interval ends may be shortened ($7.06M, $412k) to fit a column.
/// </summary>
public static class BudgetFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A row's value: as its <paramref name="kind"/> reads, or "—" when <paramref name="iterations"/> is 0 (a
    /// per-patient figure in a year with no patient in any iteration).
    /// </summary>
    public static string Value(double value, BudgetValueKind kind, long? iterations = null, string currency = "") => kind switch
    {
        _ when iterations == 0 => "—",
        BudgetValueKind.Money => Money(value, currency),
        BudgetValueKind.Pmpm => Pmpm(value, currency),
        BudgetValueKind.Probability => Percent(value),
        _ => Count(value),
    };

    /// <summary>
    /// An interval end: as <see cref="Value"/>, but money from <paramref name="shortFrom"/> up in three significant
    /// digits with k, M or B ($7.06M; with <paramref name="shortFrom"/> 10,000 also $41.2k).
    /// </summary>
    public static string Short(double value, BudgetValueKind kind, double shortFrom = 1e6, string currency = "")
    {
        double size = Math.Abs(value);
        if (kind != BudgetValueKind.Money || size < shortFrom || size < 1000) return Value(value, kind, null, currency);
        (double scaled, string unit) = size >= 1e9 ? (size / 1e9, "B") : size >= 1e6 ? (size / 1e6, "M") : (size / 1e3, "k");
        string digits = scaled >= 100 ? scaled.ToString("0", Invariant) : scaled >= 10 ? scaled.ToString("0.0", Invariant) : scaled.ToString("0.00", Invariant);
        return WithCurrency(value < 0 ? "-" : "", digits + unit, currency);
    }

    /// <summary>Whole currency units with thousands separators; cents below 100; two significant digits below 1.</summary>
    public static string Money(double value, string currency = "")
    {
        double size = Math.Abs(value);
        string digits = size switch
        {
            0 => "0",
            >= 100 => size.ToString("#,0", Invariant),
            >= 1 => size.ToString("0.00", Invariant),
            _ => Significant(size, 2),
        };
        return WithCurrency(value < 0 ? "-" : "", digits, currency);
    }

    /// <summary>Per member per month: cents from 1, else two significant digits (e.g. $0.013, $0.00031).</summary>
    public static string Pmpm(double value, string currency = "")
    {
        double size = Math.Abs(value);
        string digits = size == 0 ? "0" : size >= 1 ? size.ToString("#,0.00", Invariant) : Significant(size, 2);
        return WithCurrency(value < 0 ? "-" : "", digits, currency);
    }

    /// <summary>A mean number of patients: whole from 100 (or when whole), else three, then two significant digits.</summary>
    public static string Count(double value)
    {
        double size = Math.Abs(value);
        return size switch
        {
            0 => "0",
            _ when value == Math.Round(value) || size >= 100 => value.ToString("#,0", Invariant),
            >= 10 => value.ToString("0.0", Invariant),
            >= 1 => value.ToString("0.00", Invariant),
            _ => (value < 0 ? "-" : "") + Significant(size, 2),
        };
    }

    /// <summary>A share of iterations: 1.2%, and "&lt; 0.1%" for a rare but possible event.</summary>
    public static string Percent(double probability) => probability switch
    {
        0 => "0%",
        < 0.001 => "< 0.1%",
        _ => (probability * 100).ToString("0.0", Invariant) + "%",
    };

    /// <summary>"$" for US dollars (or no currency given), else the amount followed by the ISO code.</summary>
    private static string WithCurrency(string sign, string digits, string currency) =>
        currency is "" or "USD" ? $"{sign}${digits}" : $"{sign}{digits} {currency}";

    /// <summary>A positive number below 1 with <paramref name="digits"/> significant digits, in fixed notation.</summary>
    private static string Significant(double value, int digits)
    {
        int decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12);
        return Math.Round(value, decimals).ToString("0." + new string('#', decimals), Invariant);
    }
}
