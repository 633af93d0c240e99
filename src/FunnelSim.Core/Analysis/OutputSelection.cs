using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// One output of the results, as the analyses choose it: one metric of one indication (or of the <c>total</c>) in one
/// calendar year — a single cell of the per-iteration values: a funnel count, or with costs an amount of money (cents
/// per iteration, reported in currency units; PMPM derived from the budget impact) or the threshold indicator.
/// </summary>
/// <param name="Metric">A results metric name, e.g. <c>treatedNew</c>, a step id, or with costs <c>budgetImpact</c>.</param>
/// <param name="Indication">An indication id, or <c>total</c> (the default) for the sum over indications.</param>
/// <param name="Year">Calendar year; null for the last year of the horizon.</param>
public sealed record OutputSelection(string Metric, string Indication = OutputSelection.Total, int? Year = null)
{
    /// <summary>The name of the sum over indications.</summary>
    public const string Total = "total";

    /// <summary>
    /// Checks the choice against <paramref name="model"/>: null when it names a cell of the results, else a message
    /// saying what is allowed (the indication ids, the horizon, the metrics of that indication), with a
    /// "did you mean" where a name is close to one that exists.
    /// </summary>
    public string? Check(CompiledModel model) => Locate(model, out _);

    /// <summary>The calendar year this choice means in <paramref name="model"/> (the last year when none was given).</summary>
    public int YearIn(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Year ?? model.Scenario.StartYear + model.Years - 1;
    }

    /// <summary>True when <paramref name="metric"/> is an amount of money (a cost, budget impact or PMPM), reported in
    /// the scenario's currency; false for counts and for <c>probabilityExceedsThreshold</c>.</summary>
    public static bool IsMoneyMetric(string metric) =>
        MetricNames.ReservedCostMetrics.Contains(metric) && metric != MetricNames.ProbabilityExceedsThreshold;

    /// <summary>True when this output is an amount of money (see <see cref="IsMoneyMetric"/>).</summary>
    public bool IsMoney => IsMoneyMetric(Metric);

    /// <summary>
    /// Every metric an output of <paramref name="model"/>'s group <paramref name="group"/> can name, in report order:
    /// the funnel counts and step metrics, then (with costs) the money metrics, <c>pmpm</c> for a plan and
    /// <c>probabilityExceedsThreshold</c> when a threshold is set.
    /// </summary>
    internal static string[] MetricsOf(CompiledModel model, int group)
    {
        var names = new List<string>(model.MetricsOf(group));
        if (model.Budget is { } budget)
        {
            names.AddRange(budget.MetricsOf(group));
            if (budget.Members is not null) names.Add(MetricNames.Pmpm);
            if (budget.Threshold is not null) names.Add(MetricNames.ProbabilityExceedsThreshold);
        }
        return [.. names];
    }

    /// <summary>Where this output's value lives in an iteration; throws <see cref="ArgumentException"/> when
    /// <see cref="Check"/> would not pass.</summary>
    internal OutputCell Resolve(CompiledModel model) =>
        Locate(model, out var cell) is { } error ? throw new ArgumentException(error, nameof(model)) : cell;

    private string? Locate(CompiledModel model, out OutputCell cell)
    {
        ArgumentNullException.ThrowIfNull(model);
        cell = default;
        int group = Indication == Total
            ? model.Indications.Length
            : Array.FindIndex(model.Indications, i => i.Id == Indication);
        if (group < 0)
        {
            var names = model.Indications.Select(i => i.Id).Append(Total).ToArray();
            string suggestion = Json.NameSuggestions.Closest(Indication, names) is { } near ? $"did you mean '{near}'? " : "";
            return $"unknown indication '{Indication}'; {suggestion}this scenario has: {string.Join(", ", names)}";
        }
        int first = model.Scenario.StartYear, last = first + model.Years - 1;
        int year = YearIn(model);
        if (year < first || year > last)
            return $"year {year} is outside the horizon {first}–{last}";
        int t = year - first;
        string[] counts = model.MetricsOf(group);
        int metric = Array.IndexOf(counts, Metric);
        if (metric >= 0)
        {
            cell = new OutputCell(OutputSource.Count, model.Layout.Cell(group, t, metric), group, 1);
            return null;
        }
        if (model.Budget is { } budget)
        {
            int money = Array.IndexOf(budget.MetricsOf(group), Metric);
            if (money >= 0)
            {
                cell = new OutputCell(OutputSource.Money, budget.Cell(group, t, money), group, 100);
                return null;
            }
            if (Metric == MetricNames.Pmpm && budget.Members is { } members)
            {
                // As the results derive PMPM: the budget impact over member-months, scaled exactly.
                cell = new OutputCell(OutputSource.Money, budget.Cell(group, t, BudgetMetric.Impact), group, 100 * (members * 12));
                return null;
            }
            if (Metric == MetricNames.ProbabilityExceedsThreshold && budget.Threshold is { } threshold)
            {
                cell = new OutputCell(OutputSource.Exceedance, budget.Cell(group, t, BudgetMetric.Impact), group, 1,
                    OutputCell.LimitOf(threshold));
                return null;
            }
        }

        string[] metrics = MetricsOf(model, group);
        string list = $"metrics: {string.Join(", ", metrics)}";
        if (MetricNames.ReservedCostMetrics.Contains(Metric))
        {
            string why = model.Budget is null ? "this scenario has no costs block"
                : Metric == MetricNames.Pmpm ? "PMPM needs a plan population (population.scale \"plan\" with members)"
                : Metric == MetricNames.ProbabilityExceedsThreshold ? "no threshold is set (costs.budgetThreshold)"
                : "it is reported for the total only";
            return $"'{Metric}' is not available: {why}; {list}";
        }
        string where = Indication == Total ? "the total" : $"indication '{Indication}'";
        string hint = Json.NameSuggestions.Closest(Metric, metrics) is { } close ? $"did you mean '{close}'? " : "";
        return $"unknown metric '{Metric}' for {where}; {hint}{list}";
    }
}
