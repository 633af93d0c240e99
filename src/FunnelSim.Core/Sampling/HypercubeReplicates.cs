namespace FunnelSim.Sampling;

/// <summary>
/// How replicated Latin hypercube sampling lays a run's n iterations out in R independent hypercubes: replicate r holds
/// the consecutive global iterations [<see cref="Start"/>(r), <see cref="Start"/>(r) + <see cref="SizeOf"/>(r)); the
/// first n mod R replicates hold ⌊n/R⌋ + 1 iterations, the others ⌊n/R⌋, and R is lowered to ⌊n/2⌋ when the run has
/// fewer than 2R iterations (every replicate holds at least two). Past the run's last iteration the layout continues in
/// replicates of ⌊n/R⌋, so the layout of n + j⌊n/R⌋ iterations in R + j replicates begins with this one: a run to a
/// precision target adds whole replicates and ends with exactly the result of a plain run of its final length.
/// </summary>
public readonly record struct HypercubeReplicates
{
    /// <param name="iterations">The run's iterations n (at least 2).</param>
    /// <param name="replicates">The replicates R asked for (at least 1).</param>
    public HypercubeReplicates(long iterations, int replicates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        Iterations = iterations;
        Count = (int)Math.Min(replicates, iterations / 2);
        Size = iterations / Count;
        Larger = (int)(iterations % Count);
    }

    /// <summary>The run's iterations n.</summary>
    public long Iterations { get; }

    /// <summary>The replicates the run's iterations fill.</summary>
    public int Count { get; }

    /// <summary>⌊n/R⌋: the size of every replicate but the first <see cref="Larger"/>, one iteration larger.</summary>
    public long Size { get; }

    /// <summary>How many replicates (the first ones) hold <see cref="Size"/> + 1 iterations.</summary>
    public int Larger { get; }

    /// <summary>The first global iteration of replicate <paramref name="replicate"/>.</summary>
    public long Start(int replicate) => replicate * Size + Math.Min(replicate, Larger);

    /// <summary>The iterations of replicate <paramref name="replicate"/>.</summary>
    public long SizeOf(int replicate) => replicate < Larger ? Size + 1 : Size;

    /// <summary>The replicate of global iteration <paramref name="iteration"/> (beyond the run: the continued layout).</summary>
    public int Of(long iteration)
    {
        long inLarger = Larger * (Size + 1);
        return (int)(iteration < inLarger ? iteration / (Size + 1) : Larger + (iteration - inLarger) / Size);
    }
}
