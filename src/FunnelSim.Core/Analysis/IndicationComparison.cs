namespace FunnelSim.Analysis;

/// <summary>One indication's comparison, by calendar year.</summary>
public sealed record IndicationComparison(string Id, string? Name, IReadOnlyList<YearComparison> Years);
