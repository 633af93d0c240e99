namespace FunnelSim.Analysis;

/// <summary>The comparison of the totals, by calendar year.</summary>
public sealed record TotalComparison(IReadOnlyList<YearComparison> Years);
