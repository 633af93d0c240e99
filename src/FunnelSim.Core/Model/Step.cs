namespace FunnelSim.Model;

/// <summary>A funnel step: the conditional probability of passing it.</summary>
/// <param name="Id">Stable id, unique within its indication; also the metric name of its survivors.</param>
/// <param name="Name">Optional human name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="Probability">Probability of passing, possibly ramping over the years.</param>
public sealed record Step(string Id, string? Name, string? Description, Parameter Probability);
