namespace FunnelSim.Analysis;

/// <summary>Summary of the paired difference B − A over iterations: mean, sd and the 5th, 50th and 95th percentiles.
/// For money, in currency units (from whole cents; percentiles within 0.1%).</summary>
public sealed record DifferenceSummary(double Mean, double Sd, double P5, double P50, double P95)
{
    /// <summary>
    /// For money, the iterations the difference covers: those in which both A and B have a value (fewer than the run's
    /// for <c>budgetImpactPerTreated</c> when some iteration treats nobody). Null for counts, which cover every iteration.
    /// </summary>
    public long? Iterations { get; init; }
}
