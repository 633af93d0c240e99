namespace FunnelSim.Rendering;

/// <summary>A result metric as the user reads it: its name in the results and a label.</summary>
public sealed record FunnelMetric(string Name, string Label);
