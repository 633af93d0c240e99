namespace FunnelSim.Shards;

/// <summary>A partial and the name (file) it came from, for messages.</summary>
public sealed record NamedPartial(string Name, PartialResult Partial);
