using System.Collections.Immutable;
using FunnelSim.Json;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>The outcome of reading a results JSON file: the result when it reads, and every diagnostic found.</summary>
/// <param name="Result">The result, its scenario read back from the echo; null when there are errors.</param>
/// <param name="Diagnostics">Errors and warnings (the echoed scenario's warnings included).</param>
public sealed record ResultLoadResult(SimulationResult? Result, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the result can be used (warnings allowed).</summary>
    public bool IsValid => Result is not null && !Diagnostics.Any(d => d.IsError);
}
