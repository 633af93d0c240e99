namespace FunnelSim.Results;

/// <summary>Results summed over indications per iteration (not by adding percentiles).</summary>
/// <param name="Years">One entry per year of the horizon.</param>
public sealed record TotalResult(IReadOnlyList<YearResult> Years);
