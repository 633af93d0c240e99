namespace FunnelSim.Results;

/// <summary>Results of one indication over the horizon.</summary>
/// <param name="Id">Indication id.</param>
/// <param name="Name">Indication name, if the scenario gives one.</param>
/// <param name="Years">One entry per year of the horizon.</param>
public sealed record IndicationResult(string Id, string? Name, IReadOnlyList<YearResult> Years);
