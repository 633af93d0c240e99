using FunnelSim.Rendering;
using FunnelSim.Formatting;
using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Ui.Running;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The live what-if headline: identified and treated per indication in the first and last year (means); with a
/// baseline, each cell also shows the paired difference from it.
/// </summary>
public static class HeadlineTable
{
    /// <summary>
    /// The table as aligned text lines. When it is wider than <paramref name="width"/> (80 columns with a baseline's
    /// differences beside the numbers) it shows the last year only; the Compare tab has every year.
    /// </summary>
    public static IReadOnlyList<string> Lines(WhatIf whatIf, int width = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        var both = Render(whatIf, lastYearOnly: false);
        return both.Max(l => l.Length) <= width ? both : Render(whatIf, lastYearOnly: true);
    }

    private static IReadOnlyList<string> Render(WhatIf whatIf, bool lastYearOnly)
    {
        var result = whatIf.Result;
        var years = result.Total.Years;
        int first = years[0].Year, last = years[^1].Year;
        // Two header rows (names over years), so the table fits the pane at 80 columns.
        var headers = lastYearOnly ? new List<string> { "", "Identified", "New starts" } : ["", "Identified", "", "New starts", ""];
        var rows = new List<IReadOnlyList<string>>
        {
            lastYearOnly ? new[] { "", $"{last}", $"{last}" } : ["", $"{first}", $"{last}", $"{first}", $"{last}"],
        };
        foreach (var indication in result.Indications)
            rows.Add(Row(indication.Id.ToUpperInvariant(), indication.Years, Compared(whatIf.Comparison, indication.Id), lastYearOnly));
        rows.Add(Row("Total", years, whatIf.Comparison?.Total.Years, lastYearOnly));
        return TextTable.Render(headers, rows);
    }

    /// <summary>
    /// The headline number with its spread: the total's new starts in the last year, mean and 90% interval (P5–P95).
    /// (The pane's title says the table's numbers are means, and of how many iterations.)
    /// </summary>
    public static string Note(WhatIf whatIf)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        var last = whatIf.Result.Total.Years[^1];
        return last.Metrics.TryGetValue(MetricNames.TreatedNew, out var s)
            ? $"Total new starts {last.Year}: {HumanNumber.Count(s.Mean)} (90% interval {HumanNumber.Interval(s.P5, s.P95)})"
            : "";
    }

    private static IReadOnlyList<YearComparison>? Compared(ComparisonResult? comparison, string id) =>
        comparison?.Indications.FirstOrDefault(i => i.Id == id)?.Years;

    private static IReadOnlyList<string> Row(string label, IReadOnlyList<YearResult> years, IReadOnlyList<YearComparison>? compared, bool lastYearOnly)
    {
        string Cell(int yearIndex, string metric)
        {
            var year = years[yearIndex];
            string text = year.Metrics.TryGetValue(metric, out var summary) ? HumanNumber.Count(summary.Mean) : "–";
            var delta = compared?.FirstOrDefault(c => c.Year == year.Year)?.Metrics.GetValueOrDefault(metric);
            return delta is null ? text : $"{text} {CompareTable.Beside(delta, HumanNumber.Signed)}";
        }
        int last = years.Count - 1;
        return lastYearOnly
            ? [label, Cell(last, MetricNames.Identified), Cell(last, MetricNames.TreatedNew)]
            : [label, Cell(0, MetricNames.Identified), Cell(last, MetricNames.Identified), Cell(0, MetricNames.TreatedNew), Cell(last, MetricNames.TreatedNew)];
    }
}
