using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>
/// How the report writes numbers: through the same formatter as the terminal tables, so a number reads the same in
/// the terminal, the UI and the report.
/// </summary>
internal static class ReportNumbers
{
    public static string Count(double value) => HumanNumber.Count(value);

    public static string Money(double value, string currency) => HumanNumber.Money(value, currency);

    public static string Value(double value, BudgetValueKind kind, string currency, long? iterations = null) =>
        HumanNumber.Budget(value, kind, iterations, currency);

    /// <summary>An interval end, money shortened ($7.06M).</summary>
    public static string Short(double value, BudgetValueKind kind, string currency) =>
        HumanNumber.ShortBudget(value, kind, 1e4, currency);

    /// <summary>A 90% interval: <c>P5–P95</c>.</summary>
    public static string Interval(MetricSummary s, BudgetValueKind kind, string currency) =>
        s.Iterations == 0 ? "" : $"{Short(s.P5, kind, currency)}–{Short(s.P95, kind, currency)}";

    /// <summary>A plain number without currency, for chart axes (money shortened: 7.06M).</summary>
    public static string Axis(double value, bool money) =>
        money ? HumanNumber.ShortMoney(value, "-", 1e4).Replace(" -", "", StringComparison.Ordinal) : Count(value);
}
