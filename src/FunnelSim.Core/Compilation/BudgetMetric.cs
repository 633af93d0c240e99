using FunnelSim.Model;

namespace FunnelSim.Compilation;

/// <summary>Positions of the money metrics in a group's money cells (the report order).</summary>
internal static class BudgetMetric
{
    public const int Drug = 0, Administration = 1, Monitoring = 2, AdverseEvents = 3, Testing = 4, With = 5,
        Comparator = 6, TestingWithout = 7, Without = 8, Impact = 9, ImpactFalsePositive = 10, ImpactPerTreated = 11,
        Cumulative = 12;

    /// <summary>An indication's money metrics, by position.</summary>
    public static readonly string[] Indication =
    [
        MetricNames.CostDrug, MetricNames.CostAdministration, MetricNames.CostMonitoring, MetricNames.CostAdverseEvents,
        MetricNames.CostTesting, MetricNames.CostWith, MetricNames.CostComparator, MetricNames.CostTestingWithout,
        MetricNames.CostWithout, MetricNames.BudgetImpact, MetricNames.BudgetImpactFalsePositive,
        MetricNames.BudgetImpactPerTreated,
    ];

    /// <summary>The total's money metrics: an indication's and the cumulative impact.</summary>
    public static readonly string[] Total = [.. Indication, MetricNames.CumulativeBudgetImpact];
}
