using FunnelSim.Model;

namespace FunnelSim.Rendering;

/// <summary>The funnel metrics shown in tables, in funnel order, with readable labels.</summary>
public static class FunnelMetrics
{
    /// <summary>The rows of the results and compare tables.</summary>
    public static readonly IReadOnlyList<FunnelMetric> Table =
    [
        new(MetricNames.Incident, "Incident cases"),
        new(MetricNames.LaterLine, "Later-line population"),
        new(MetricNames.FusionPositive, "NRG1 fusion-positive"),
        new(MetricNames.Tested, "Tested"),
        new(MetricNames.Identified, "Identified (eligible)"),
        new(MetricNames.TruePositive, "  true positives"),
        new(MetricNames.FalsePositive, "  false positives"),
        new(MetricNames.UntestedFusionPositive, "Lost: never tested (NRG1+)"),
        new(MetricNames.FalseNegative, "Lost: false negatives"),
        new(MetricNames.TreatedNew, "New starts"),
        new(MetricNames.OnTreatment, "On treatment"),
        new(MetricNames.Doses, "Doses"),
    ];

    /// <summary>Metrics offered for the histogram.</summary>
    public static IReadOnlyList<FunnelMetric> Histogram => Table.Where(m => !m.Label.StartsWith(' ')).ToList();

    /// <summary>The money metrics the histogram and the drivers also offer when a scenario has costs (as the command line's tornado and drivers do).</summary>
    public static readonly IReadOnlyList<FunnelMetric> Money =
    [
        new(MetricNames.BudgetImpact, "Budget impact"),
        new(MetricNames.CostWith, "Cost with BIZENGRI"),
        new(MetricNames.Pmpm, "PMPM"),
    ];

    /// <summary>The label of <paramref name="name"/> (a step id is shown as itself).</summary>
    public static string LabelOf(string name) => Table.Concat(Money).FirstOrDefault(m => m.Name == name)?.Label.Trim() ?? name;
}
