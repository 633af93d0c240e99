using FunnelSim.Compilation;
namespace FunnelSim.Engine;

/// <summary>How to run a compiled model.</summary>
/// <param name="Iterations">Monte Carlo iterations.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Threads">Worker threads (results do not depend on it); default all cores.</param>
public sealed record RunOptions(long Iterations, ulong Seed, int Threads = 0)
{
    /// <summary>
    /// Parameters held at given values instead of drawn (e.g. all at their means but one); null draws every parameter.
    /// Must come from the same compiled model.
    /// </summary>
    public ParameterOverrides? Overrides { get; init; }

    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
