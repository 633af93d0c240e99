using FunnelSim.Formatting;
using FunnelSim.Model;
using FunnelSim.Rendering;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The commercial view of one indication (or the total): new starts, patients on treatment, doses and, with costs,
/// drug sales at list price (doses × price per dose, the core's <c>costDrug</c>) — every year a column, the mean on one
/// line and the 90% interval (P5–P95) under it, and a last column with the total over the horizon, summed per
/// iteration (<see cref="HorizonTotals"/>). A table wider than the page is split into blocks of years, never cut.
/// </summary>
public static class CommercialTable
{
    /// <summary>The rows: metric, label, money or not.</summary>
    public static readonly IReadOnlyList<(string Metric, string Label, bool Money)> Rows =
    [
        (MetricNames.TreatedNew, "New starts", false),
        (MetricNames.OnTreatment, "On treatment", false),
        (MetricNames.Doses, "Doses", false),
        (MetricNames.CostDrug, "Drug sales", true),
    ];

    /// <summary>The column header of the totals over the horizon.</summary>
    public const string HorizonHeader = "All years";

    /// <summary>The table as lines of at most <paramref name="width"/> characters.</summary>
    public static IReadOnlyList<string> Lines(SimulationResult result, HorizonTotals? horizon, string indication, int width)
    {
        ArgumentNullException.ThrowIfNull(result);
        var years = result.YearsOf(indication);
        if (years is null) return ["no results for this indication"];
        string currency = result.Scenario.Costs?.Currency ?? "";
        var totals = horizon?.Of(indication == ResultSelection.Total ? null : indication);
        var columns = years.Select(y => (Header: y.Year.ToString(HumanNumber.Culture), Metrics: (IReadOnlyDictionary<string, MetricSummary>?)y.Metrics)).ToList();
        columns.Add((HorizonHeader, totals));

        var rows = new List<(string Label, List<string> Cells)>();
        foreach (var (metric, label, money) in Rows)
        {
            if (!years[0].Metrics.ContainsKey(metric)) continue;
            var means = new List<string>();
            var intervals = new List<string>();
            foreach (var (_, metrics) in columns)
            {
                if (metrics?.GetValueOrDefault(metric) is not { } s)
                {
                    means.Add("—");
                    intervals.Add("");
                    continue;
                }
                means.Add(money ? HumanNumber.ShortMoney(s.Mean, currency) : HumanNumber.Count(s.Mean));
                intervals.Add(money
                    ? $"{HumanNumber.ShortMoney(s.P5, currency, BudgetTableRows.ShortFrom)}–{HumanNumber.ShortMoney(s.P95, currency, BudgetTableRows.ShortFrom)}"
                    : HumanNumber.Interval(s.P5, s.P95));
            }
            rows.Add((label, means));
            rows.Add(("", intervals));
        }

        var lines = new List<string>();
        // As many year columns per block as fit beside the labels; each block repeats the labels.
        int labelWidth = rows.Max(r => r.Label.Length);
        int[] cellWidths = Enumerable.Range(0, columns.Count)
            .Select(c => rows.Select(r => r.Cells[c].Length).Append(columns[c].Header.Length).Max()).ToArray();
        int start = 0;
        while (start < columns.Count)
        {
            int used = labelWidth, end = start;
            while (end < columns.Count && (end == start || used + 2 + cellWidths[end] <= width))
            {
                used += 2 + cellWidths[end];
                end++;
            }
            if (start > 0) lines.Add("");
            lines.Add(Line("", columns.Skip(start).Take(end - start).Select(c => c.Header), cellWidths.AsSpan(start, end - start), labelWidth));
            foreach (var (label, cells) in rows)
                lines.Add(Line(label, cells.Skip(start).Take(end - start), cellWidths.AsSpan(start, end - start), labelWidth));
            start = end;
        }
        return lines;
    }

    /// <summary>What the table's numbers are, for the line under it.</summary>
    public static string Note(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string sales = result.Scenario.Costs is { } costs
            ? $"Drug sales: doses × list price per dose ({costs.Currency}, {(costs.DiscountRate > 0 ? $"discounted at {HumanNumber.Percent(costs.DiscountRate)} a year" : "undiscounted")}). "
            : "Drug sales need a costs block (Costs in the outline). ";
        return $"Mean; under it the 90% interval (P5–P95). {sales}{HorizonHeader}: summed over the years in each iteration " +
               "(on treatment is not summed: a patient counts in every year treated).";
    }

    private static string Line(string label, IEnumerable<string> cells, ReadOnlySpan<int> widths, int labelWidth)
    {
        var text = new System.Text.StringBuilder(label.PadRight(labelWidth));
        int c = 0;
        foreach (string cell in cells) text.Append("  ").Append(cell.PadLeft(widths[c++]));
        return text.ToString().TrimEnd();
    }
}
