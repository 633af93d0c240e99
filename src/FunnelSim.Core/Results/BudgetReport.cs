namespace FunnelSim.Results;

/// <summary>
/// The budget-impact view of a result: the patient counts a payer reads beside the money, and every cost metric.
/// Front ends (the <c>budget</c> command, the terminal UI's Budget view) show this selection.
/// </summary>
public static class BudgetReport
{
    /// <summary>The patient counts of the budget view, in report order.</summary>
    public static readonly IReadOnlyList<string> CountMetrics =
    [
        MetricNames.Tested, MetricNames.Identified, MetricNames.TreatedNew, MetricNames.TreatedNewTruePositive,
        MetricNames.TreatedNewFalsePositive, MetricNames.OnTreatment, MetricNames.Doses,
    ];

    /// <summary>True when <paramref name="result"/> carries cost metrics (its scenario has costs).</summary>
    public static bool HasCosts(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Scenario.Costs is not null;
    }

    /// <summary><paramref name="result"/> with only the budget view's metrics: the counts above, then every cost metric.</summary>
    public static SimulationResult Select(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with
        {
            Indications = [.. result.Indications.Select(i => i with { Years = Select(i.Years) })],
            Total = new TotalResult(Select(result.Total.Years)),
        };
    }

    private static List<YearResult> Select(IReadOnlyList<YearResult> years) =>
        [.. years.Select(y => y with { Metrics = Select(y.Metrics) })];

    private static Dictionary<string, MetricSummary> Select(IReadOnlyDictionary<string, MetricSummary> metrics)
    {
        var selected = new Dictionary<string, MetricSummary>();
        foreach (string name in CountMetrics)
            if (metrics.TryGetValue(name, out var summary)) selected[name] = summary;
        foreach (var (name, summary) in metrics)
            if (MetricNames.ReservedCostMetrics.Contains(name)) selected[name] = summary;
        return selected;
    }
}
