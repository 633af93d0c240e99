using System.Collections.Immutable;

namespace FunnelSim.Sweeps;

/// <summary>A validated sweep file: the base scenario and the axes whose every combination is run.</summary>
/// <param name="BasePath">The base scenario file, resolved against the sweep file's folder.</param>
/// <param name="Axes">The axes; the first varies slowest.</param>
public sealed record SweepDefinition(string BasePath, ImmutableArray<SweepAxis> Axes)
{
    /// <summary>Number of combinations: the product of the axes' value counts.</summary>
    public long PointCount => Axes.Aggregate(1L, (n, a) => n * a.Values.Length);
}
