namespace FunnelSim.Summaries;

/// <summary>
/// When a run to a precision target stops: once the Monte Carlo standard error of <c>treatedNew</c> in every indication ×
/// year and in the total's years is at most <see cref="RelativeError"/> of its mean, or at <see cref="MaxIterations"/>.
/// A cell that is 0 in every iteration is skipped (and named) when it is 0 in exact expectation; with a non-zero
/// expectation it is a rare event not yet seen and the target is not reached (see <see cref="PrecisionRun.Run"/>).
/// </summary>
/// <param name="RelativeError">Largest MCSE / mean allowed, e.g. 0.005 for 0.5%; in (0, 1).</param>
/// <param name="MaxIterations">Cap on the iterations.</param>
/// <param name="FirstChunk">Iterations run before the first check.</param>
public sealed record PrecisionTarget(double RelativeError, long MaxIterations = PrecisionTarget.DefaultMaxIterations,
    long FirstChunk = PrecisionTarget.DefaultFirstChunk)
{
    /// <summary>Default cap: a million iterations (about 11 s for the national base case on 2 cores).</summary>
    public const long DefaultMaxIterations = 1_000_000;

    /// <summary>Default size of the first chunk: enough for a stable first estimate of the standard errors.</summary>
    public const long DefaultFirstChunk = 10_000;

    /// <summary>Chunk ends are rounded up to a multiple of this, so the iteration counts reported are round.</summary>
    public const long Granularity = 1_000;
}
