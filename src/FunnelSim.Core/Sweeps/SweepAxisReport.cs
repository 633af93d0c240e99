namespace FunnelSim.Sweeps;

/// <summary>An axis as the sweep's index file lists it.</summary>
public sealed record SweepAxisReport(string Path, IReadOnlyList<double> Values);
