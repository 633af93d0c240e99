namespace FunnelSim.Results;

/// <summary>How a run to a precision target ended: the target, what was reached, and why it stopped.</summary>
/// <param name="Metric">The headline metric judged (every indication × year and the total's years).</param>
/// <param name="Precision">Target: Monte Carlo standard error at most this share of the mean.</param>
/// <param name="Achieved">The largest MCSE / mean over the cells judged (see <see cref="SkippedCells"/> and
/// <see cref="NotReachedCells"/> for the cells whose mean is 0).</param>
/// <param name="WorstCell">The cell with the largest MCSE / mean, e.g. <c>pdac 2026</c>; null when every mean is 0.</param>
/// <param name="StopReason"><c>precision-reached</c>, or <c>max-iterations</c> when the cap came first.</param>
/// <param name="MaxIterations">The cap on iterations.</param>
/// <param name="Chunks">Chunks of iterations run before stopping.</param>
public sealed record ConvergenceInfo(string Metric, double Precision, double Achieved, string? WorstCell, string StopReason,
    long MaxIterations, int Chunks)
{
    /// <summary>Stop reason: every judged cell met the target.</summary>
    public const string PrecisionReached = "precision-reached";

    /// <summary>Stop reason: the iteration cap came first.</summary>
    public const string MaxIterationsReached = "max-iterations";

    /// <summary>
    /// Cells left out of the judgement because they are 0 in every iteration and 0 in exact expectation (e.g. a step
    /// with probability 0), or, where no expectation is known, 0 in every iteration simulated; null when none.
    /// </summary>
    public IReadOnlyList<string>? SkippedCells { get; init; }

    /// <summary>
    /// Cells with a non-zero exact expectation that were 0 in every iteration simulated: a rare event not yet seen, whose
    /// precision cannot be judged, so the target is not reached while any remains; null when none.
    /// </summary>
    public IReadOnlyList<RareCell>? NotReachedCells { get; init; }
}
