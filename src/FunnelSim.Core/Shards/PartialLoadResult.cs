namespace FunnelSim.Shards;

/// <summary>A partial file as read: the partial, or what is wrong with the file.</summary>
/// <param name="Partial">The partial; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the file is not a usable partial; null when it is.</param>
public sealed record PartialLoadResult(PartialResult? Partial, string? Error);
