namespace FunnelSim.Results;

/// <summary>How a result was produced; with the scenario it reruns the result exactly.</summary>
/// <param name="Iterations">Monte Carlo iterations.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Sampling">Sampling method (<c>monte-carlo</c> or <c>latin-hypercube</c>).</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Threads">Worker threads used (does not change results).</param>
/// <param name="ElapsedSeconds">Wall-clock time of the run.</param>
public sealed record RunInfo(long Iterations, ulong Seed, string Sampling, string EngineVersion, int Threads, double ElapsedSeconds)
{
    /// <summary>How a run to a precision target ended (<c>--precision</c>); null for a run of fixed length.</summary>
    public ConvergenceInfo? Convergence { get; init; }

    /// <summary>
    /// Latin hypercube runs: the replicate hypercubes the iterations were laid out in (the mean is the mean of their means
    /// and the MCSE comes from their spread); null for Monte Carlo.
    /// </summary>
    public int? LhsReplicates { get; init; }
}
