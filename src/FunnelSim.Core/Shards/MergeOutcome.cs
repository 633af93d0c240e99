using FunnelSim.Results;

namespace FunnelSim.Shards;

/// <summary>The merged result, or why the parts were refused.</summary>
/// <param name="Result">The result of the whole run; null when refused.</param>
/// <param name="Command">The command whose output the result is (<c>run</c> or <c>budget</c>); null when refused.</param>
/// <param name="Errors">Why the parts were refused, each naming the parts concerned; empty on success.</param>
public sealed record MergeOutcome(SimulationResult? Result, string? Command, IReadOnlyList<string> Errors)
{
    /// <summary>True when the parts merged.</summary>
    public bool Succeeded => Result is not null;
}
