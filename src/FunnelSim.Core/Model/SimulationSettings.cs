namespace FunnelSim.Model;

/// <summary>How a scenario is simulated.</summary>
/// <param name="Iterations">Monte Carlo iterations.</param>
/// <param name="Seed">Master seed; with the scenario it fixes every random number.</param>
/// <param name="Sampling">How parameter draws are made.</param>
public sealed record SimulationSettings(long Iterations, ulong Seed, SamplingMethod Sampling)
{
    /// <summary>Fewest iterations allowed.</summary>
    public const long MinIterations = 1;
    /// <summary>Most iterations allowed.</summary>
    public const long MaxIterations = 100_000_000;
    /// <summary>Largest seed: the largest integer a JSON number carries exactly (2^53 − 1).</summary>
    public const ulong MaxSeed = 9_007_199_254_740_991;

    /// <summary>What to do with rank correlations the copula cannot draw as given (JSON <c>correlationRepair</c>).</summary>
    public CorrelationRepair CorrelationRepair { get; init; }

    /// <summary>
    /// Latin hypercube only (JSON <c>lhsReplicates</c>): the number R of independent hypercubes the run's iterations are
    /// split into (fewer when the run has fewer than 2R iterations); their spread gives the Monte Carlo error.
    /// </summary>
    public int LhsReplicates { get; init; } = DefaultLhsReplicates;

    /// <summary>Default <see cref="LhsReplicates"/>.</summary>
    public const int DefaultLhsReplicates = 10;

    /// <summary>Fewest <see cref="LhsReplicates"/> allowed (one replicate has no spread).</summary>
    public const int MinLhsReplicates = 2;

    /// <summary>Most <see cref="LhsReplicates"/> allowed.</summary>
    public const int MaxLhsReplicates = 100_000;

    /// <summary>Fewest iterations a Latin hypercube run takes: two replicates of two.</summary>
    public const long MinLatinHypercubeIterations = 4;
}

/// <summary>Sampling method for the parameter draws.</summary>
public enum SamplingMethod
{
    /// <summary>Independent pseudo-random draws (JSON: <c>monte-carlo</c>).</summary>
    MonteCarlo,
    /// <summary>
    /// Replicated Latin hypercube draws (JSON: <c>latin-hypercube</c>): the run's iterations are split into
    /// <see cref="SimulationSettings.LhsReplicates"/> independent hypercubes, and over the m iterations of each, each
    /// parameter takes each of m equal-probability strata exactly once.
    /// </summary>
    LatinHypercube,
}
