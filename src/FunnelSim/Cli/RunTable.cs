using System.Text;
using FunnelSim.Formatting;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// <c>run --format table</c>: the funnel that matters for people, per indication and for the total, calendar years as
/// columns; each row the mean and, below it, the 90% interval (P5 to P95); money in one unit per row ($M, $k, named in
/// the row's label). Numbers through the core's one formatter (<see cref="HumanNumber"/>). Fitted to a width: intervals
/// of counts are shortened (12.3k) when full numbers do not fit, and the years are split into blocks when even those do
/// not; 80 columns hold five years.
/// </summary>
internal static class RunTable
{
    private const int Gap = 1;

    private enum Kind
    {
        Count,
        Money,
        Pmpm,
    }

    private sealed record Row(string Label, string Metric, Kind Kind);

    private static readonly Row[] Rows =
    [
        new("Incident", MetricNames.Incident, Kind.Count),
        new("Tested", MetricNames.Tested, Kind.Count),
        new("Fusion-positive", MetricNames.FusionPositive, Kind.Count),
        new("Identified", MetricNames.Identified, Kind.Count),
        new("New starts", MetricNames.TreatedNew, Kind.Count),
        new("On treatment", MetricNames.OnTreatment, Kind.Count),
        new("Doses", MetricNames.Doses, Kind.Count),
        new("Budget impact", MetricNames.BudgetImpact, Kind.Money),
        new("PMPM", MetricNames.Pmpm, Kind.Pmpm),
    ];

    public static string Render(SimulationResult result, string label, int width)
    {
        var scenario = result.Scenario;
        string currency = scenario.Costs?.Currency ?? "";
        var groups = result.Indications.Select(i => (Title: i.Name is { Length: > 0 } name ? $"{name} ({i.Id})" : i.Id, i.Years))
            .Append((Title: result.Indications.Count == 1 ? "Total" : "Total (all indications)", result.Total.Years)).ToArray();
        int[] years = [.. result.Total.Years.Select(y => y.Year)];

        var text = new StringBuilder();
        text.AppendLine(Fit(scenario.Name ?? label, width));
        text.AppendLine(Fit($"  {label}, {HumanNumber.Whole(result.Run.Iterations)} iterations, seed {result.Run.Seed}", width));
        text.AppendLine(Fit("  Each row: the mean, and below it the 90% interval (P5 to P95).", width));

        // The widest layout that fits: full intervals; else shortened ones (12.3k); else the years in blocks.
        foreach (bool compact in new[] { false, true })
        {
            var sections = groups.Select(g => Section(g.Title, g.Years, years, currency, compact)).ToArray();
            int labelWidth = sections.SelectMany(s => s.Rows).Max(r => r.Label.Length) + 3;
            int column = Math.Max(6, sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells)
                .Max(c => Math.Max(c.Mean.Length, c.Interval.Length)) + Gap);
            int perBlock = Math.Max(1, (width - labelWidth) / column);
            if (perBlock < years.Length && !compact) continue;
            foreach (var section in sections)
            {
                for (int start = 0; start < years.Length; start += perBlock)
                {
                    int count = Math.Min(perBlock, years.Length - start);
                    text.AppendLine();
                    bool titleFits = section.Title.Length < labelWidth;
                    if (!titleFits) text.AppendLine(Fit(section.Title, width));
                    text.Append((titleFits ? section.Title : "").PadRight(labelWidth));
                    for (int k = start; k < start + count; k++) text.Append(years[k].ToString(HumanNumber.Culture).PadLeft(column));
                    text.AppendLine();
                    foreach (var row in section.Rows)
                    {
                        text.Append(("  " + row.Label).PadRight(labelWidth));
                        for (int k = start; k < start + count; k++) text.Append(row.Cells[k].Mean.PadLeft(column));
                        text.AppendLine();
                        text.Append(new string(' ', labelWidth));
                        for (int k = start; k < start + count; k++) text.Append(row.Cells[k].Interval.PadLeft(column));
                        text.AppendLine();
                    }
                }
            }
            break;
        }
        text.AppendLine();
        text.AppendLine(Fit("  All metrics and percentiles: --format json, or --out FILE.json / FILE.csv.", width));
        return text.ToString();
    }

    private sealed record Cell(string Mean, string Interval);

    private sealed record SectionRow(string Label, Cell[] Cells);

    private sealed record SectionText(string Title, SectionRow[] Rows);

    /// <summary>One indication's (or the total's) rows: those of <see cref="Rows"/> that its results have.</summary>
    private static SectionText Section(string title, IReadOnlyList<YearResult> groupYears, int[] years, string currency, bool compact)
    {
        var rows = new List<SectionRow>();
        foreach (var row in Rows)
        {
            var summaries = years.Select(y => groupYears.FirstOrDefault(g => g.Year == y)?.Metrics.GetValueOrDefault(row.Metric)).ToArray();
            if (summaries.All(s => s is null)) continue;
            // Money in one unit per row ($M, $k), named in the label, so the columns stay narrow.
            double largest = summaries.Where(s => s is { Iterations: not 0 })
                .Select(s => Math.Max(Math.Abs(s!.Mean), Math.Max(Math.Abs(s.P5), Math.Abs(s.P95)))).DefaultIfEmpty(0).Max();
            (double scale, string unit) = row.Kind != Kind.Money ? (1, "") : largest switch
            {
                >= 1e6 => (1e6, "M"),
                >= 1e4 => (1e3, "k"),
                _ => (1, ""),
            };
            string label = row.Kind switch
            {
                Kind.Money => $"{row.Label}, {Currency(currency, unit)}",
                _ => row.Label,
            };
            rows.Add(new SectionRow(label, [.. summaries.Select(s => Format(s, row.Kind, scale, compact, currency))]));
        }
        return new SectionText(title, [.. rows]);
    }

    private static Cell Format(MetricSummary? s, Kind kind, double scale, bool compact, string currency)
    {
        if (s is null) return new Cell("", "");
        if (s.Iterations == 0) return new Cell("—", "");
        return kind switch
        {
            Kind.Money => new Cell(HumanNumber.Count(s.Mean / scale), HumanNumber.Interval(s.P5 / scale, s.P95 / scale)),
            Kind.Pmpm => new Cell(HumanNumber.Pmpm(s.Mean, currency), $"{HumanNumber.Pmpm(s.P5, currency)}–{HumanNumber.Pmpm(s.P95, currency)}"),
            _ when compact => new Cell(HumanNumber.Count(s.Mean), $"{HumanNumber.Compact(s.P5)}–{HumanNumber.Compact(s.P95)}"),
            _ => new Cell(HumanNumber.Count(s.Mean), HumanNumber.Interval(s.P5, s.P95)),
        };
    }

    /// <summary><c>$M</c>, <c>$k</c>, <c>$</c> for US dollars (or no currency named); <c>M EUR</c>, <c>EUR</c> otherwise.</summary>
    private static string Currency(string currency, string unit) =>
        currency is "" or "USD" ? "$" + unit : (unit.Length > 0 ? unit + " " : "") + currency;

    private static string Fit(string line, int width) => line.Length <= width || width < 10 ? line : line[..(width - 1)] + "…";
}
