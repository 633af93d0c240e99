using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FunnelSim.Validation;

/// <summary>Names a step id may not take, because results use them as metric names.</summary>
internal static class ReservedNames
{
    /// <summary>The funnel and cost metric names, in the order of docs/scenario-format.md ("Step").</summary>
    public static readonly ImmutableArray<string> MetricsInOrder =
    [
        "incident", "laterLine", "fusionPositive", "tested", "truePositive", "falsePositive", "falseNegative",
        "untestedFusionPositive", "identified", "treatedNew", "treatedNewTruePositive", "treatedNewFalsePositive",
        "onTreatment", "doses",
        "costWith", "costWithout", "budgetImpact", "costDrug", "costAdministration", "costMonitoring",
        "costAdverseEvents", "costTesting", "costComparator", "budgetImpactPerTreated", "pmpm", "cumulativeBudgetImpact",
    ];

    /// <summary>The same names, for lookup.</summary>
    public static readonly FrozenSet<string> Metrics = MetricsInOrder.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The id that names the sum over indications in results.</summary>
    public const string TotalIndication = "total";
}
