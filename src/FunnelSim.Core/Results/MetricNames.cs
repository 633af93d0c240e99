using System.Collections.Frozen;

namespace FunnelSim.Results;

/// <summary>The names of the result metrics: a contract with scripts reading results.</summary>
public static class MetricNames
{
#pragma warning disable CS1591 // The names are their own documentation.
    public const string Incident = "incident";
    public const string LaterLine = "laterLine";
    public const string FusionPositive = "fusionPositive";
    public const string Tested = "tested";
    public const string TruePositive = "truePositive";
    public const string FalsePositive = "falsePositive";
    public const string FalseNegative = "falseNegative";
    public const string UntestedFusionPositive = "untestedFusionPositive";
    public const string Identified = "identified";
    public const string TreatedNew = "treatedNew";
    public const string TreatedNewTruePositive = "treatedNewTruePositive";
    public const string TreatedNewFalsePositive = "treatedNewFalsePositive";
    public const string OnTreatment = "onTreatment";
    public const string Doses = "doses";
#pragma warning restore CS1591

    /// <summary>Cost metric names reserved now for budget impact, so no step id can take them later.</summary>
    public static readonly IReadOnlyList<string> ReservedCostMetrics =
    [
        "costWith", "costWithout", "budgetImpact", "costDrug", "costAdministration", "costMonitoring",
        "costAdverseEvents", "costTesting", "costComparator", "budgetImpactPerTreated", "pmpm",
        "cumulativeBudgetImpact",
    ];

    /// <summary>Every fixed metric name, in report order (step metrics are inserted by id).</summary>
    public static readonly IReadOnlyList<string> Funnel =
    [
        Incident, LaterLine, FusionPositive, Tested, TruePositive, FalsePositive, FalseNegative,
        UntestedFusionPositive, Identified, TreatedNew, TreatedNewTruePositive, TreatedNewFalsePositive,
        OnTreatment, Doses,
    ];

    /// <summary>Names no step id may take.</summary>
    public static readonly FrozenSet<string> Reserved = Funnel.Concat(ReservedCostMetrics).ToFrozenSet(StringComparer.Ordinal);
}
