namespace FunnelSim.Compilation;

/// <summary>
/// One worker's cache of the replicate whose correlated strata it last reordered (Latin hypercube with correlations,
/// <see cref="SamplingDesign"/>): workers take consecutive blocks of iterations, so a replicate is reordered about once
/// per worker. Not thread-safe: one per worker.
/// </summary>
internal sealed class ReorderedStrata
{
    private int _replicate = -1;
    private int[] _strata = [];

    /// <summary>Replicate <paramref name="replicate"/>'s strata (m × d, row-major), reordered now unless cached.</summary>
    public int[] Of(SamplingDesign design, CompiledParameter[] parameters, ulong seed, int replicate, long size)
    {
        if (replicate == _replicate) return _strata;
        if (size > Sampling.RankReordering.MaxSize)
            throw new ArgumentException(TooLarge(size), nameof(size));
        int cells = (int)size * design.CorrelatedCount;
        if (_strata.Length < cells) _strata = new int[cells];
        design.Reorder(parameters, seed, replicate, (int)size, _strata);
        _replicate = replicate;
        return _strata;
    }

    /// <summary>Why a replicate of <paramref name="size"/> iterations is too large to reorder.</summary>
    public static string TooLarge(long size) =>
        $"Latin hypercube with correlations reorders each replicate's strata in memory, at most " +
        $"{Sampling.RankReordering.MaxSize:N0} iterations per replicate, not {size:N0}: raise simulation.lhsReplicates " +
        "or lower the iterations";
}
