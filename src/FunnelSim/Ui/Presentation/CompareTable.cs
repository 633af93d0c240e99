using FunnelSim.Rendering;
using FunnelSim.Formatting;
using FunnelSim.Analysis;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// Baseline, current and their paired difference (mean and 90% interval of the per-iteration difference) for one
/// indication and year, with the share of iterations in which the current scenario is higher.
/// </summary>
public static class CompareTable
{
    /// <summary>The table for the selection, from a comparison made with the core's paired runs.</summary>
    public static TableRows Build(ComparisonResult comparison, string indication, int year)
    {
        var years = indication == ResultSelection.Total
            ? comparison.Total.Years
            : comparison.Indications.FirstOrDefault(i => i.Id == indication)?.Years;
        var compared = years?.FirstOrDefault(y => y.Year == year);
        if (compared is null) return TableRows.Message($"{indication} {year} is not in both scenarios");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var metric in FunnelMetrics.Table)
        {
            if (!compared.Metrics.TryGetValue(metric.Name, out var m)) continue;
            // Identical in every iteration (as the command line decides it): no spread to show and no chance to be
            // higher, whatever rounding left in the mean or spread of the differences.
            bool identical = Identical(m);
            rows.Add([
                metric.Label,
                HumanNumber.Count(m.A.Mean),
                HumanNumber.Count(m.B.Mean),
                identical ? "0" : HumanNumber.Signed(m.Difference.Mean),
                identical ? "same in every iteration" : HumanNumber.SignedInterval(m.Difference.P5, m.Difference.P95),
                identical ? "—" : HumanNumber.Probability(m.ProbabilityBGreater),
            ]);
        }
        return new TableRows(["Metric", "Baseline", "Current", "Difference", "90% interval", "P(higher)"], rows);
    }

    /// <summary>True when the two scenarios gave the same value in every iteration compared.</summary>
    public static bool Identical(MetricComparison m) => m.ProbabilityEqual >= 1 || (m.Difference.Mean == 0 && m.Difference.Sd == 0);

    /// <summary>A difference beside a headline number: <c>(+12)</c>, or <c>(same)</c> when identical in every iteration.</summary>
    public static string Beside(MetricComparison m, Func<double, string> signed) =>
        Identical(m) ? "(same)" : $"({signed(m.Difference.Mean)})";
}
