using FunnelSim.Model;
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

    /// <summary>
    /// The ISPOR-style table every front end shows (the <c>budget</c> command, the terminal UI's Budget tab): patients,
    /// the world with BIZENGRI, the world without (same patients), and the impact. A row whose metric a result lacks
    /// (PMPM of a national scenario, the threshold row without a threshold) is left out by the front end.
    /// </summary>
    public static readonly IReadOnlyList<BudgetSection> Sections =
    [
        new("Patients", [
            new("Eligible (test-positive)", MetricNames.Identified, BudgetValueKind.Count),
            new("Newly treated", MetricNames.TreatedNew, BudgetValueKind.Count),
            new("  of whom false positive", MetricNames.TreatedNewFalsePositive, BudgetValueKind.Count),
            new("On BIZENGRI (any dose in year)", MetricNames.OnTreatment, BudgetValueKind.Count),
        ]),
        new("World with BIZENGRI", [
            new("Drug", MetricNames.CostDrug, BudgetValueKind.Money),
            new("Administration", MetricNames.CostAdministration, BudgetValueKind.Money),
            new("Monitoring", MetricNames.CostMonitoring, BudgetValueKind.Money),
            new("Adverse events", MetricNames.CostAdverseEvents, BudgetValueKind.Money),
            new("Testing", MetricNames.CostTesting, BudgetValueKind.Money),
            new("Total", MetricNames.CostWith, BudgetValueKind.Money),
        ]),
        new("World without BIZENGRI (same patients)", [
            new("Comparator (drug, admin., AEs)", MetricNames.CostComparator, BudgetValueKind.Money),
            new("Testing", MetricNames.CostTestingWithout, BudgetValueKind.Money),
            new("Total", MetricNames.CostWithout, BudgetValueKind.Money),
        ]),
        new("Budget impact (with − without)", [
            new("Budget impact", MetricNames.BudgetImpact, BudgetValueKind.Money),
            new("  of which false positives", MetricNames.BudgetImpactFalsePositive, BudgetValueKind.Money),
            new("  per patient on BIZENGRI ¹", MetricNames.BudgetImpactPerTreated, BudgetValueKind.Money),
            new("Cumulative budget impact", MetricNames.CumulativeBudgetImpact, BudgetValueKind.Money),
            new("PMPM", MetricNames.Pmpm, BudgetValueKind.Pmpm),
            new("P(budget impact > threshold) ²", MetricNames.ProbabilityExceedsThreshold, BudgetValueKind.Probability),
        ]),
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
