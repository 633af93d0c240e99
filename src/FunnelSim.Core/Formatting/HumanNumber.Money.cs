using FunnelSim.Results;

namespace FunnelSim.Formatting;

public static partial class HumanNumber
{
    /// <summary>Money at and above which an interval end of the budget table is shortened (k, M, B) by default.</summary>
    public const double ShortMoneyFrom = 1e6;

    /// <summary>
    /// An amount of money: whole units with thousands separators from 100 ($1,234), cents from 1 ($12.50), two
    /// significant figures below ($0.013). "$" for US dollars or no currency, else the ISO code after the amount.
    /// </summary>
    public static string Money(double value, string currency = "")
    {
        double size = Math.Abs(value);
        string digits = size switch
        {
            double.NaN => "–",
            0 => "0",
            >= 99.995 => size.ToString("#,0", Culture),
            >= 1 => size.ToString("0.00", Culture),
            _ => Significant(size, 2),
        };
        return WithCurrency(value < 0 ? Minus : "", digits, currency);
    }

    /// <summary>A difference of money: +$1,234, −$0.50, and $0 only when it is exactly 0.</summary>
    public static string SignedMoney(double value, string currency = "") =>
        value > 0 ? "+" + Money(value, currency) : Money(value, currency);

    /// <summary>Per member per month: cents from 1 ($1.25), else two significant figures ($0.013, $0.00031).</summary>
    public static string Pmpm(double value, string currency = "")
    {
        double size = Math.Abs(value);
        string digits = size == 0 ? "0" : size >= 1 ? size.ToString("#,0.00", Culture) : Significant(size, 2);
        return WithCurrency(value < 0 ? Minus : "", digits, currency);
    }

    /// <summary>
    /// Money shortened for a narrow column or a chart label: from <paramref name="shortFrom"/> (and at least 1,000)
    /// three significant figures with k, M or B ($7.06M, $41.2k), else as <see cref="Money"/>.
    /// </summary>
    public static string ShortMoney(double value, string currency = "", double shortFrom = ShortMoneyFrom)
    {
        double size = Math.Abs(value);
        if (size < shortFrom || size < 1000 || double.IsNaN(size)) return Money(value, currency);
        return WithCurrency(value < 0 ? Minus : "", Scaled(size), currency);
    }

    /// <summary>
    /// A value of the budget impact table as its row reads, or "—" when <paramref name="iterations"/> is 0 (a
    /// per-patient figure in a year with no patient in any iteration).
    /// </summary>
    public static string Budget(double value, BudgetValueKind kind, long? iterations = null, string currency = "") => kind switch
    {
        _ when iterations == 0 => "—",
        BudgetValueKind.Money => Money(value, currency),
        BudgetValueKind.Pmpm => Pmpm(value, currency),
        BudgetValueKind.Probability => Probability(value),
        _ => Count(value),
    };

    /// <summary>An interval end of the budget table: as <see cref="Budget"/>, money shortened from <paramref name="shortFrom"/>.</summary>
    public static string ShortBudget(double value, BudgetValueKind kind, double shortFrom = ShortMoneyFrom, string currency = "") =>
        kind == BudgetValueKind.Money ? ShortMoney(value, currency, shortFrom) : Budget(value, kind, null, currency);

    private static string WithCurrency(string sign, string digits, string currency) =>
        currency is "" or "USD" ? $"{sign}${digits}" : $"{sign}{digits} {currency}";
}
