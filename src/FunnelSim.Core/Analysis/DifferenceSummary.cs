namespace FunnelSim.Analysis;

/// <summary>Summary of the paired difference B − A over iterations: mean, sd and the 5th, 50th and 95th percentiles.
/// For money, in currency units (from whole cents; percentiles within 0.1%).</summary>
public sealed record DifferenceSummary(double Mean, double Sd, double P5, double P50, double P95)
{
    /// <summary>
    /// Monte Carlo standard error of <see cref="Mean"/>: sd / √n over the n paired iterations it covers (iid draws; under
    /// Latin hypercube sampling this is the conservative iid error). 0 when the difference is 0 in every iteration.
    /// </summary>
    public double Mcse { get; init; }

    /// <summary>
    /// For money, the iterations the difference covers: those in which both A and B have a value (fewer than the run's
    /// for <c>budgetImpactPerTreated</c> when some iteration treats nobody). Null for counts, which cover every iteration.
    /// </summary>
    public long? Iterations { get; init; }
}
