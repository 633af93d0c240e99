namespace FunnelSim.Analysis;

/// <summary>How to compute a tornado.</summary>
/// <param name="Iterations">Iterations per bar end when simulating; every end uses the same iterations (common random
/// numbers). Unused for an exact expectation.</param>
/// <param name="Seed">Master seed of the simulation.</param>
/// <param name="Threads">Worker threads of the simulation (results do not depend on it); default all cores.</param>
public sealed record TornadoOptions(long Iterations = TornadoOptions.DefaultIterations, ulong Seed = 1, int Threads = 0)
{
    /// <summary>
    /// Default iterations per bar end. With every parameter fixed only patient-level chance remains, and the two ends of
    /// a bar share their random streams, so a few thousand iterations pin each bar down (see each bar's MCSE).
    /// </summary>
    public const long DefaultIterations = 2_000;

    /// <summary>Most iterations per bar end accepted.</summary>
    public const long MaxIterations = 10_000_000;

    /// <summary>The method to use; null (the default): the exact expectation where the output has one, else the
    /// simulation. Asking for <see cref="TornadoMethod.Expectation"/> of an output without one is an error.</summary>
    public TornadoMethod? Method { get; init; }

    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
