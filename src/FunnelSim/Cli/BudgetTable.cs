using FunnelSim.Formatting;
using System.Globalization;
using System.Text;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// A budget impact result as an ISPOR-style table for people: calendar years as columns; for each row the mean and,
/// below it, the 90% interval (P5 to P95); patients, the world with BIZENGRI, the world without, the impact, PMPM. The
/// rows and the way numbers are written are the core's (<see cref="BudgetReport.Sections"/>, <see cref="HumanNumber"/>),
/// shared with the terminal UI's Budget tab.
/// </summary>
internal static class BudgetTable
{
    private const int LabelWidth = 34;
    private const int ColumnWidth = 18;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SimulationResult result, string label)
    {
        var scenario = result.Scenario;
        var costs = scenario.Costs!;
        var years = result.Total.Years;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Budget impact · {scenario.Name ?? label} ({label})");
        string population = scenario.Population is PlanPopulation plan ? $"{plan.Members:N0} members" : "national (no PMPM)";
        text.AppendLine(Invariant,
            $"  {population} · {PriceBasis.Of(scenario)!.Describe()} · {result.Run.Iterations:N0} iterations, seed {result.Run.Seed}");
        text.AppendLine("  each row: the mean, and below it the 90% interval (P5 to P95) over iterations");
        text.AppendLine();
        text.Append(new string(' ', LabelWidth));
        foreach (var year in years) text.Append(year.Year.ToString(Invariant).PadLeft(ColumnWidth));
        text.AppendLine();

        foreach (var (heading, rows) in BudgetReport.Sections)
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
                AppendRow(text, new BudgetRow(indication.Name ?? indication.Id, MetricNames.BudgetImpact, BudgetValueKind.Money), indication.Years, null);
        }
        text.AppendLine();
        text.AppendLine("  ¹ Budget impact ÷ patients on BIZENGRI in the year, over the iterations with at least one such patient (n);");
        text.AppendLine("    undefined, and left out, in a year with none.");
        if (costs.BudgetThreshold is { } threshold)
            text.AppendLine(Invariant, $"  ² Threshold {HumanNumber.Money(threshold, costs.Currency)} a year; the share of iterations whose budget impact exceeds it.");
        else
            text.AppendLine("  ² Give --threshold AMOUNT for the probability that a year's budget impact exceeds it.");
        text.AppendLine("  Every indication, year and metric (sd, MC standard error, all percentiles): --out FILE.json or FILE.csv.");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, BudgetRow row, IReadOnlyList<YearResult> years, double? threshold)
    {
        string label = row.Metric == MetricNames.ProbabilityExceedsThreshold && threshold is { } t
            ? $"P(impact > {HumanNumber.Money(t)})"
            : row.Label;
        var summaries = years.Select(y => y.Metrics.GetValueOrDefault(row.Metric)).ToArray();
        if (summaries.All(s => s is null)) return;
        text.Append(Fit("  " + label).PadRight(LabelWidth));
        foreach (var s in summaries) text.Append(Cell(s is null ? "" : HumanNumber.Budget(s.Mean, row.Kind, s.Iterations)));
        text.AppendLine();
        if (row.Kind == BudgetValueKind.Probability) return;
        text.Append(new string(' ', LabelWidth));
        foreach (var s in summaries) text.Append(Cell(s is null || s.Iterations == 0 ? "" : $"{HumanNumber.ShortBudget(s.P5, row.Kind)}–{HumanNumber.ShortBudget(s.P95, row.Kind)}"));
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
}
