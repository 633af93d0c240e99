namespace FunnelSim.Analysis;

/// <summary>How to run a drivers analysis.</summary>
/// <param name="Iterations">Iterations of the probabilistic run; the analysis uses the first <see cref="Draws"/> of them.</param>
/// <param name="Seed">Master seed (the draws are those of a plain run with this seed).</param>
/// <param name="Threads">Worker threads for the simulation (results do not depend on it); default all cores.</param>
/// <param name="MaxDraws">At most this many draws are analysed; more add little to a ranking and cost time.</param>
public sealed record DriversOptions(long Iterations, ulong Seed, int Threads = 0, int MaxDraws = DriversOptions.DefaultMaxDraws)
{
    /// <summary>Default cap on the draws analysed.</summary>
    public const int DefaultMaxDraws = 20_000;

    /// <summary>Largest cap allowed (the tree surrogate's time grows with the draws).</summary>
    public const int MaxMaxDraws = 1_000_000;

    /// <summary>Fewest draws that give a usable ranking and a held-out test set.</summary>
    public const int MinDraws = 100;

    /// <summary>Share of the draws held out to judge the tree surrogate (the last ones).</summary>
    public const double TestShare = 0.2;

    /// <summary>The draws analysed: iterations 0 … Draws − 1.</summary>
    public int Draws => (int)Math.Min(Iterations, MaxDraws);

    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
