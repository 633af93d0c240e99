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
}

/// <summary>Sampling method for the parameter draws.</summary>
public enum SamplingMethod
{
    /// <summary>Independent pseudo-random draws (JSON: <c>monte-carlo</c>).</summary>
    MonteCarlo,
    /// <summary>
    /// Latin hypercube draws (JSON: <c>latin-hypercube</c>): over the run's N iterations each parameter takes each of
    /// N equal-probability strata exactly once. N must be fixed before the run starts.
    /// </summary>
    LatinHypercube,
}
