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

    /// <summary>
    /// True for a count metric whose values spanned too wide a range to count exactly: its percentiles come from a sketch,
    /// each within <see cref="RelativeAccuracy"/> of a value of the data (mean, sd, MCSE, min and max stay exact); null
    /// (not written) for an exact metric.
    /// </summary>
    public bool? Approximate { get; init; }

    /// <summary>The relative accuracy of an <see cref="Approximate"/> metric's percentiles; null for an exact metric.</summary>
    public double? RelativeAccuracy { get; init; }

    /// <summary>The probabilities of the reported percentiles, ascending.</summary>
    public static ReadOnlySpan<double> Probabilities => [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];
}
