namespace FunnelSim.Model;

/// <summary>A line of business's incidence multiplier for one indication.</summary>
/// <param name="IndicationId">Indication id.</param>
/// <param name="Multiplier">Relative incidence versus the reference population.</param>
public sealed record IndicationMultiplier(string IndicationId, Parameter Multiplier);
