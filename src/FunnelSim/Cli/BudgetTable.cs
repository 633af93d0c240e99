using System.Globalization;
using System.Text;
using FunnelSim.Results;
using FunnelSim.Scenarios;

namespace FunnelSim.Cli;

/// <summary>
/// A budget impact result as an ISPOR-style table for people: calendar years as columns; for each row the mean and,
/// below it, the 90% interval (P5 to P95); patients, the world with BIZENGRI, the world without, the impact, PMPM.
/// </summary>
internal static class BudgetTable
{
    private const int LabelWidth = 34;
    private const int ColumnWidth = 18;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private enum Kind { Count, Money, Pmpm, Probability }

    private sealed record Row(string Label, string Metric, Kind Kind);

    private static readonly (string Heading, Row[] Rows)[] Sections =
    [
        ("Patients", [
            new("Eligible (test-positive)", MetricNames.Identified, Kind.Count),
            new("Newly treated", MetricNames.TreatedNew, Kind.Count),
            new("  of whom false positive", MetricNames.TreatedNewFalsePositive, Kind.Count),
            new("On BIZENGRI (any dose in year)", MetricNames.OnTreatment, Kind.Count),
        ]),
        ("World with BIZENGRI", [
            new("Drug", MetricNames.CostDrug, Kind.Money),
            new("Administration", MetricNames.CostAdministration, Kind.Money),
            new("Monitoring", MetricNames.CostMonitoring, Kind.Money),
            new("Adverse events", MetricNames.CostAdverseEvents, Kind.Money),
            new("Testing", MetricNames.CostTesting, Kind.Money),
            new("Total", MetricNames.CostWith, Kind.Money),
        ]),
        ("World without BIZENGRI (same patients)", [
            new("Comparator (drug, admin., AEs)", MetricNames.CostComparator, Kind.Money),
            new("Testing", MetricNames.CostTestingWithout, Kind.Money),
            new("Total", MetricNames.CostWithout, Kind.Money),
        ]),
        ("Budget impact (with − without)", [
            new("Budget impact", MetricNames.BudgetImpact, Kind.Money),
            new("  of which false positives", MetricNames.BudgetImpactFalsePositive, Kind.Money),
            new("  per patient on BIZENGRI ¹", MetricNames.BudgetImpactPerTreated, Kind.Money),
            new("Cumulative budget impact", MetricNames.CumulativeBudgetImpact, Kind.Money),
            new("PMPM", MetricNames.Pmpm, Kind.Pmpm),
            new("P(budget impact > threshold) ²", MetricNames.ProbabilityExceedsThreshold, Kind.Probability),
        ]),
    ];

    public static string Render(SimulationResult result, string label)
    {
        var scenario = result.Scenario;
        var costs = scenario.Costs!;
        var years = result.Total.Years;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Budget impact · {scenario.Name ?? label} ({label})");
        string population = scenario.Population is PlanPopulation plan ? $"{plan.Members:N0} members" : "national (no PMPM)";
        string discount = costs.DiscountRate == 0 ? "undiscounted" : $"discounted at {costs.DiscountRate:P1} a year";
        text.AppendLine(Invariant,
            $"  {population} · {costs.Currency}, {costs.CostYear} prices, {discount} · {result.Run.Iterations:N0} iterations, seed {result.Run.Seed}");
        text.AppendLine("  each row: the mean, and below it the 90% interval (P5 to P95) over iterations");
        text.AppendLine();
        text.Append(new string(' ', LabelWidth));
        foreach (var year in years) text.Append(year.Year.ToString(Invariant).PadLeft(ColumnWidth));
        text.AppendLine();

        foreach (var (heading, rows) in Sections)
        {
            var present = rows.Where(r => years[0].Metrics.ContainsKey(r.Metric)).ToArray();
            if (present.Length == 0) continue;
            text.AppendLine(heading);
            foreach (var row in present) AppendRow(text, row, years, costs.BudgetThreshold);
        }
        if (result.Indications.Count > 1)
        {
            text.AppendLine("Budget impact by indication");
            foreach (var indication in result.Indications)
                AppendRow(text, new Row(indication.Name ?? indication.Id, MetricNames.BudgetImpact, Kind.Money), indication.Years, null);
        }
        text.AppendLine();
        text.AppendLine("  ¹ Budget impact ÷ patients on BIZENGRI in the year, over the iterations with at least one such patient (n);");
        text.AppendLine("    undefined, and left out, in a year with none.");
        if (costs.BudgetThreshold is { } threshold)
            text.AppendLine(Invariant, $"  ² Threshold {Money(threshold, costs.Currency)} a year; the share of iterations whose budget impact exceeds it.");
        else
            text.AppendLine("  ² Give --threshold AMOUNT for the probability that a year's budget impact exceeds it.");
        text.AppendLine("  Every indication, year and metric (sd, MC standard error, all percentiles): --out FILE.json or FILE.csv.");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, Row row, IReadOnlyList<YearResult> years, double? threshold)
    {
        string label = row.Metric == MetricNames.ProbabilityExceedsThreshold && threshold is { } t
            ? $"P(impact > {Money(t, "")})"
            : row.Label;
        var summaries = years.Select(y => y.Metrics.GetValueOrDefault(row.Metric)).ToArray();
        if (summaries.All(s => s is null)) return;
        text.Append(Fit("  " + label).PadRight(LabelWidth));
        foreach (var s in summaries) text.Append(Cell(s is null ? "" : Format(s.Mean, row.Kind, s.Iterations)));
        text.AppendLine();
        if (row.Kind == Kind.Probability) return;
        text.Append(new string(' ', LabelWidth));
        foreach (var s in summaries) text.Append(Cell(s is null || s.Iterations == 0 ? "" : $"{Short(s.P5, row.Kind)}–{Short(s.P95, row.Kind)}"));
        text.AppendLine();
        if (summaries.Any(s => s?.Iterations is not null))
        {
            text.Append(new string(' ', LabelWidth));
            foreach (var s in summaries) text.Append(Cell(s?.Iterations is { } n ? $"(n = {n:N0})" : ""));
            text.AppendLine();
        }
    }

    private static string Cell(string value) => (" " + value).PadLeft(ColumnWidth);

    private static string Fit(string label) => label.Length < LabelWidth ? label : label[..(LabelWidth - 2)] + "…";

    private static string Format(double value, Kind kind, long? iterations) => kind switch
    {
        _ when iterations == 0 => "—",
        Kind.Money => Money(value, ""),
        Kind.Pmpm => Pmpm(value),
        Kind.Probability => Percent(value),
        _ => Count(value),
    };

    /// <summary>An interval end: as <see cref="Format"/>, but millions and more in three significant digits ($7.06M).</summary>
    private static string Short(double value, Kind kind)
    {
        double size = Math.Abs(value);
        if (kind != Kind.Money || size < 1e6) return Format(value, kind, null);
        (double scaled, string unit) = size >= 1e9 ? (size / 1e9, "B") : (size / 1e6, "M");
        string digits = scaled >= 100 ? scaled.ToString("0", Invariant) : scaled >= 10 ? scaled.ToString("0.0", Invariant) : scaled.ToString("0.00", Invariant);
        return $"{(value < 0 ? "-" : "")}${digits}{unit}";
    }

    /// <summary>Whole currency units with thousands separators; cents below 100; two significant digits below 1.</summary>
    internal static string Money(double value, string currency)
    {
        string sign = value < 0 ? "-" : "";
        double size = Math.Abs(value);
        string digits = size switch
        {
            0 => "0",
            >= 100 => size.ToString("#,0", Invariant),
            >= 1 => size.ToString("0.00", Invariant),
            _ => Significant(size, 2),
        };
        return currency is "" or "USD" ? $"{sign}${digits}" : $"{sign}{digits} {currency}";
    }

    /// <summary>Per member per month: cents from $1, else two significant digits (e.g. $0.013, $0.00031).</summary>
    private static string Pmpm(double value)
    {
        string sign = value < 0 ? "-" : "";
        double size = Math.Abs(value);
        string digits = size == 0 ? "0" : size >= 1 ? size.ToString("#,0.00", Invariant) : Significant(size, 2);
        return $"{sign}${digits}";
    }

    private static string Count(double value)
    {
        double size = Math.Abs(value);
        return size switch
        {
            0 => "0",
            _ when value == Math.Round(value) || size >= 100 => value.ToString("#,0", Invariant),
            >= 10 => value.ToString("0.0", Invariant),
            >= 1 => value.ToString("0.00", Invariant),
            _ => Significant(value, 2),
        };
    }

    private static string Percent(double probability) => probability switch
    {
        0 => "0%",
        < 0.001 => "< 0.1%",
        _ => (probability * 100).ToString("0.0", Invariant) + "%",
    };

    /// <summary>A number below 1 with <paramref name="digits"/> significant digits, in fixed notation.</summary>
    private static string Significant(double value, int digits)
    {
        int decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12);
        return Math.Round(value, decimals).ToString("0." + new string('#', decimals), Invariant);
    }
}
