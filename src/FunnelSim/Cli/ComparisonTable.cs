using FunnelSim.Formatting;
using System.Globalization;
using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// A comparison as a table for people: per metric, A and B, the paired difference B − A and P(B &gt; A). Money is shown
/// in the scenario's currency with thousands separators ($ for USD).
/// </summary>
internal static class ComparisonTable
{
    /// <summary>What the table shows when no --metric is given: the funnel's headline counts.</summary>
    public static readonly string[] HeadlineMetrics = ["tested", "identified", "treatedNew", "onTreatment", "doses"];

    /// <summary>Added to the headline counts when both scenarios have costs: the payer's lines.</summary>
    public static readonly string[] HeadlineMoney =
        [MetricNames.CostWith, MetricNames.CostWithout, MetricNames.BudgetImpact, MetricNames.Pmpm];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The default rows: the headline counts, and the money lines of <paramref name="comparison"/>'s
    /// <paramref name="indication"/> and <paramref name="year"/> where it compares money.</summary>
    public static string[] DefaultMetrics(ComparisonResult comparison, string indication, int year)
    {
        var compared = Compared(comparison, indication, year);
        return [.. HeadlineMetrics, .. HeadlineMoney.Where(compared.ContainsKey)];
    }

    public static string Render(ComparisonResult comparison, string labelA, string labelB, string indication, int year,
        IReadOnlyList<string> metrics)
    {
        var compared = Compared(comparison, indication, year);
        string currency = comparison.A.Costs?.Currency ?? comparison.B.Costs?.Currency ?? "";
        var text = new StringBuilder();
        text.AppendLine(Invariant,
            $"B − A · {indication} · {year} · {comparison.Run.Iterations:N0} paired iterations, seed {comparison.Run.Seed} (common random numbers)");
        text.AppendLine(Invariant, $"  A: {comparison.A.Name} ({labelA})");
        text.AppendLine(Invariant, $"  B: {comparison.B.Name} ({labelB})");
        text.AppendLine();
        int width = Math.Max(6, metrics.Max(m => m.Length));
        text.AppendLine(Invariant,
            $"  {"metric".PadRight(width)}  {"A mean",14}  {"B mean",14}  {"B − A mean",14}  {"B − A 90% interval",30}  {"P(B > A)",8}");
        var partial = new List<string>();
        foreach (string metric in metrics)
        {
            if (!compared.TryGetValue(metric, out var c))
            {
                text.AppendLine(Invariant, $"  {metric.PadRight(width)}  not compared (see the notes on standard error)");
                continue;
            }
            var d = c.Difference;
            bool money = OutputSelection.IsMoneyMetric(metric);
            string Format(double value) => money ? HumanNumber.Money(value, currency) : HumanNumber.Count(value);
            string Signed(double value) => money ? HumanNumber.SignedMoney(value, currency) : HumanNumber.Signed(value);
            // Identical in every iteration: no spread to show and no chance to be higher (not "0 to 0, 0%").
            bool identical = c.ProbabilityEqual == 1;
            string interval = identical ? "same in every iteration" : $"{Signed(d.P5)} to {Signed(d.P95)}";
            string greater = identical ? "—" : HumanNumber.Probability(c.ProbabilityBGreater);
            text.AppendLine(Invariant,
                $"  {metric.PadRight(width)}  {Format(c.A.Mean),14}  {Format(c.B.Mean),14}  {Signed(d.Mean),14}  {interval,30}  {greater,8}");
            if (d.Iterations is { } used && used < comparison.Run.Iterations)
                partial.Add($"  {metric}: B − A over the {used:N0} iterations in which both have a value (the others treat nobody).");
        }
        text.AppendLine();
        foreach (string line in partial) text.AppendLine(line);
        text.AppendLine("  Both scenarios ran with the same seed on shared random streams, so B − A is paired iteration by iteration:");
        text.AppendLine("  its interval shows the effect of what differs, not sampling noise. Every indication, year and metric: --out FILE.");
        if (metrics.Any(OutputSelection.IsMoneyMetric))
            text.AppendLine("  Money: mean exact to the cent; percentiles of money and of B − A within 0.1%.");
        return text.ToString();
    }

    private static IReadOnlyDictionary<string, MetricComparison> Compared(ComparisonResult comparison, string indication, int year)
    {
        var years = indication == OutputSelection.Total
            ? comparison.Total.Years
            : comparison.Indications.Single(i => i.Id == indication).Years;
        return years.Single(y => y.Year == year).Metrics;
    }
}
