using System.Collections.Immutable;
using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>The outcome of reading a sweep file: the definition when there are no errors, and every diagnostic.</summary>
public sealed record SweepLoadResult(SweepDefinition? Definition, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the sweep can be planned.</summary>
    public bool IsValid => Definition is not null && !Diagnostics.Any(d => d.IsError);
}
