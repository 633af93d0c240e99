namespace FunnelSim.Analysis;

/// <summary>How a drivers analysis was produced; with the scenario it reruns exactly.</summary>
/// <param name="Iterations">Iterations asked for.</param>
/// <param name="Draws">Draws analysed (iterations 0 … Draws − 1; fewer than asked when capped).</param>
/// <param name="Seed">Master seed.</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Threads">Worker threads used (does not change results).</param>
/// <param name="ElapsedSeconds">Wall-clock time: simulation and analysis.</param>
public sealed record DriversRun(long Iterations, int Draws, ulong Seed, string EngineVersion, int Threads, double ElapsedSeconds)
{
    /// <summary>
    /// For an output that has no value in some iterations (<c>budgetImpactPerTreated</c> with nobody on treatment), the
    /// draws that had one and were analysed; null when every draw was used.
    /// </summary>
    public int? DrawsUsed { get; init; }
}
