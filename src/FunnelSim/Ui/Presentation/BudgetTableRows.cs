using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The budget impact table of the Budget tab: the core's rows (<see cref="BudgetReport.Sections"/>, the same as
/// <c>funnelsim budget</c>) for one indication or the total, calendar years as columns. Each row shows its mean and
/// its 90% interval (P5–P95) — in one cell, <c>$17,245 ($0–$73.4k)</c>, when the table fits the width, else the
/// interval on a line of its own under the mean, as the command line prints it; narrower still (80 columns), with
/// short labels and, for millions, shortened means.
/// </summary>
public static class BudgetTableRows
{
    /// <summary>Interval ends from this amount up are shortened ($41.2k, $7.06M) so five years fit 80 columns.</summary>
    public const double ShortFrom = 10_000;

    /// <summary>The rows for <paramref name="indication"/> (an id or <see cref="ResultSelection.Total"/>) within <paramref name="width"/> columns.</summary>
    public static TableRows Build(SimulationResult result, string indication, int width)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scenario.Costs is not { } costs) return TableRows.Message("no costs in this scenario");
        var years = result.YearsOf(indication);
        if (years is null || years.Count == 0) return TableRows.Message("no results for this indication");
        TableRows rows = null!;
        foreach (var layout in Layouts)
        {
            rows = Rows(result, indication, years, costs, layout);
            if (Width(rows) <= width) break;
        }
        return rows;
    }

    /// <summary>From the most to the least generous; the last is used even if it is still too wide (the table scrolls).</summary>
    private static readonly Layout[] Layouts =
    [
        new(IntervalsInline: true, ShortLabels: false, ShortMeansFrom: double.PositiveInfinity, ShortIntervalsFrom: ShortFrom),
        new(IntervalsInline: false, ShortLabels: false, ShortMeansFrom: double.PositiveInfinity, ShortIntervalsFrom: ShortFrom),
        new(IntervalsInline: false, ShortLabels: true, ShortMeansFrom: double.PositiveInfinity, ShortIntervalsFrom: ShortFrom),
        new(IntervalsInline: false, ShortLabels: true, ShortMeansFrom: 1e6, ShortIntervalsFrom: 1000),
        new(IntervalsInline: false, ShortLabels: true, ShortMeansFrom: 1e6, ShortIntervalsFrom: 1000, IntervalCurrency: false),
    ];

    /// <param name="IntervalCurrency">False: interval ends without the currency sign (34.0k–120k), the row says it is money.</param>
    private sealed record Layout(bool IntervalsInline, bool ShortLabels, double ShortMeansFrom, double ShortIntervalsFrom, bool IntervalCurrency = true);

    /// <summary>Labels that leave five years room at 80 columns; the full ones are the core's.</summary>
    private static readonly Dictionary<string, string> ShortLabels = new(StringComparer.Ordinal)
    {
        [MetricNames.Identified] = "Eligible",
        [MetricNames.TreatedNew] = "Newly treated",
        [MetricNames.TreatedNewFalsePositive] = "  false pos.",
        [MetricNames.OnTreatment] = "On BIZENGRI",
        [MetricNames.CostAdministration] = "Admin.",
        [MetricNames.CostAdverseEvents] = "Adverse ev.",
        [MetricNames.CostComparator] = "Comparator",
        [MetricNames.BudgetImpactFalsePositive] = "  false pos.",
        [MetricNames.BudgetImpactPerTreated] = "  per patient¹",
        [MetricNames.CumulativeBudgetImpact] = "Cumulative",
        [MetricNames.ProbabilityExceedsThreshold] = "P(> threshold)",
    };

    /// <summary>Headings no wider than the widest label, so they do not widen the label column.</summary>
    private static readonly Dictionary<string, string> LongHeadings = new(StringComparer.Ordinal)
    {
        ["World without BIZENGRI (same patients)"] = "Without BIZENGRI (same patients)",
    };

    private static readonly Dictionary<string, string> ShortHeadings = new(StringComparer.Ordinal)
    {
        ["World with BIZENGRI"] = "With BIZENGRI",
        ["World without BIZENGRI (same patients)"] = "Without (same)",
        ["Budget impact (with − without)"] = "Impact",
        ["Budget impact by indication"] = "Impact by ind.",
    };

    /// <summary>The label of the threshold row: <c>P(impact &gt; $500,000)</c>.</summary>
    public static string ThresholdLabel(double threshold, string currency) => $"P(impact > {HumanNumber.Money(threshold, currency)})";

    /// <summary>The columns' total width as a <c>TableView</c> draws them (cells plus a separator each).</summary>
    public static int Width(TableRows rows)
    {
        int width = 1;
        for (int c = 0; c < rows.Headers.Count; c++)
            width += rows.Rows.Select(r => c < r.Count ? r[c].Length : 0).Append(rows.Headers[c].Length).Max() + 1;
        return width;
    }

    private static TableRows Rows(SimulationResult result, string indication, IReadOnlyList<YearResult> years, Costs costs, Layout layout)
    {
        string currency = costs.Currency;
        var sections = BudgetReport.Sections.Select(s => (s.Heading, Rows: s.Rows.Select(r => (Row: r, Years: years)).ToList())).ToList();
        if (indication == ResultSelection.Total && result.Indications.Count > 1)
            sections.Add(("Budget impact by indication",
                [.. result.Indications.Select(i => (new BudgetRow(layout.ShortLabels ? i.Id.ToUpperInvariant() : i.Name ?? i.Id.ToUpperInvariant(),
                    MetricNames.BudgetImpact, BudgetValueKind.Money), i.Years))]));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (heading, sectionRows) in sections)
        {
            var lines = new List<IReadOnlyList<string>>();
            foreach (var (row, rowYears) in sectionRows) AddRow(lines, row, rowYears, costs, currency, layout);
            if (lines.Count == 0) continue;
            rows.Add([layout.ShortLabels ? ShortHeadings.GetValueOrDefault(heading, heading) : LongHeadings.GetValueOrDefault(heading, heading)]);
            rows.AddRange(lines);
        }
        return new TableRows(["", .. years.Select(y => y.Year.ToString(HumanNumber.Culture))], rows);
    }

    private static void AddRow(List<IReadOnlyList<string>> rows, BudgetRow row, IReadOnlyList<YearResult> years, Costs costs,
        string currency, Layout layout)
    {
        var summaries = years.Select(y => y.Metrics.GetValueOrDefault(row.Metric)).ToArray();
        if (summaries.All(s => s is null)) return;
        string label = row.Metric == MetricNames.ProbabilityExceedsThreshold && costs.BudgetThreshold is { } threshold && !layout.ShortLabels
            ? ThresholdLabel(threshold, currency)
            : layout.ShortLabels && row.Metric != MetricNames.BudgetImpact ? ShortLabels.GetValueOrDefault(row.Metric, row.Label) : row.Label;
        string Mean(MetricSummary? s) => s is null ? ""
            : s.Iterations == 0 ? "—"
            : HumanNumber.ShortBudget(s.Mean, row.Kind, layout.ShortMeansFrom, currency);
        string End(double value) => layout.IntervalCurrency
            ? HumanNumber.ShortBudget(value, row.Kind, layout.ShortIntervalsFrom, currency)
            : HumanNumber.ShortBudget(value, row.Kind, layout.ShortIntervalsFrom).Replace("$", "", StringComparison.Ordinal);
        string Interval(MetricSummary? s) => s is null || s.Iterations == 0 || row.Kind == BudgetValueKind.Probability
            ? ""
            : $"{End(s.P5)}–{End(s.P95)}";

        if (layout.IntervalsInline)
        {
            rows.Add([" " + label, .. summaries.Select(s => Interval(s) is { Length: > 0 } i ? $"{Mean(s)} ({i})" : Mean(s))]);
        }
        else
        {
            rows.Add([" " + label, .. summaries.Select(Mean)]);
            if (row.Kind != BudgetValueKind.Probability) rows.Add(["", .. summaries.Select(Interval)]);
        }
        if (summaries.Any(s => s?.Iterations is not null))
            rows.Add(["", .. summaries.Select(s => s?.Iterations is { } n ? $"(n = {n.ToString("N0", HumanNumber.Culture)})" : "")]);
    }
}
