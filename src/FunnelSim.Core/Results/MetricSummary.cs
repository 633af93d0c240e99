namespace FunnelSim.Results;

/// <summary>
/// The distribution of one metric over iterations: mean, sample standard deviation, Monte Carlo standard error
/// of the mean (sd / √iterations) and percentiles (type 7, as R and NumPy).
/// </summary>
public sealed record MetricSummary(
    double Mean,
    double Sd,
    double Mcse,
    double P5,
    double P10,
    double P25,
    double P50,
    double P75,
    double P90,
    double P95,
    double Min,
    double Max)
{
    /// <summary>
    /// For a conditional metric (<c>budgetImpactPerTreated</c>), the number of iterations it is defined in and
    /// summarises; null for every other metric, which covers every iteration.
    /// </summary>
    public long? Iterations { get; init; }

    /// <summary>The probabilities of the reported percentiles, ascending.</summary>
    public static ReadOnlySpan<double> Probabilities => [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];
}
