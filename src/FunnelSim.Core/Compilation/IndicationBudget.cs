namespace FunnelSim.Compilation;

/// <summary>One indication's costs: the test cost of each of its modalities, its comparator, its incremental testing.</summary>
internal sealed class IndicationBudget
{
    /// <summary>Parameter index of the cost of one test, per modality of the indication (in its order).</summary>
    public required int[] TestCosts { get; init; }
    public required int ComparatorDrugPerMonth { get; init; }
    public required int ComparatorAdministrationPerMonth { get; init; }
    public required DurationKind ComparatorDurationKind { get; init; }
    public required int ComparatorDurationMedian { get; init; }
    /// <summary>Weibull shape or log-normal sdLog; −1 for the exponential.</summary>
    public required int ComparatorDurationSpread { get; init; }
    public required int ComparatorAdverseEventProbability { get; init; }
    public required int ComparatorAdverseEventCost { get; init; }
    /// <summary>Testing uptake without BIZENGRI; −1 when it equals the uptake.</summary>
    public required int UptakeWithoutBizengri { get; init; }

    public required ulong ComparatorKey { get; init; }
    public required ulong TestedWithoutKey { get; init; }
}
