using System.Collections.Frozen;

namespace FunnelSim.Model;

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
    public const string ReflexTested = "reflexTested";
    public const string IdentifiedByReflex = "identifiedByReflex";
    public const string TreatedNew = "treatedNew";
    public const string TreatedNewTruePositive = "treatedNewTruePositive";
    public const string TreatedNewFalsePositive = "treatedNewFalsePositive";
    public const string OnTreatment = "onTreatment";
    public const string Doses = "doses";
    public const string CostDrug = "costDrug";
    public const string CostAdministration = "costAdministration";
    public const string CostMonitoring = "costMonitoring";
    public const string CostAdverseEvents = "costAdverseEvents";
    public const string CostTesting = "costTesting";
    public const string CostWith = "costWith";
    public const string CostComparator = "costComparator";
    public const string CostTestingWithout = "costTestingWithout";
    public const string CostWithout = "costWithout";
    public const string BudgetImpact = "budgetImpact";
    public const string BudgetImpactFalsePositive = "budgetImpactFalsePositive";
    public const string BudgetImpactPerTreated = "budgetImpactPerTreated";
    public const string Pmpm = "pmpm";
    public const string CumulativeBudgetImpact = "cumulativeBudgetImpact";
    public const string ProbabilityExceedsThreshold = "probabilityExceedsThreshold";
#pragma warning restore CS1591

    /// <summary>The budget-impact metric names (present when a scenario has costs); no step id may take them.</summary>
    public static readonly IReadOnlyList<string> ReservedCostMetrics =
    [
        CostWith, CostWithout, BudgetImpact, CostDrug, CostAdministration, CostMonitoring,
        CostAdverseEvents, CostTesting, CostComparator, BudgetImpactPerTreated, Pmpm,
        CumulativeBudgetImpact, CostTestingWithout, BudgetImpactFalsePositive, ProbabilityExceedsThreshold,
    ];

    /// <summary>Every fixed metric name, in report order (step metrics are inserted by id).</summary>
    public static readonly IReadOnlyList<string> Funnel =
    [
        Incident, LaterLine, FusionPositive, Tested, TruePositive, FalsePositive, FalseNegative,
        UntestedFusionPositive, Identified, ReflexTested, IdentifiedByReflex, TreatedNew, TreatedNewTruePositive, TreatedNewFalsePositive,
        OnTreatment, Doses,
    ];

    /// <summary>Names no step id may take.</summary>
    public static readonly FrozenSet<string> Reserved = Funnel.Concat(ReservedCostMetrics).ToFrozenSet(StringComparer.Ordinal);
}
