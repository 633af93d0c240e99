using System.Collections.Immutable;
using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>One combination of a sweep: its index (0-based; the first axis varies slowest) and each axis's value.</summary>
public sealed record SweepPoint(int Index, ImmutableArray<double> Values)
{
    /// <summary><c>indications[1].testing.uptake.value = 0.5, …</c>, for messages.</summary>
    public string Describe(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return string.Join(", ", axes.Select((a, i) => $"{a.Path} = {InvariantFormat.Number(Values[i])}"));
    }
}
