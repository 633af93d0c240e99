namespace FunnelSim.Export;

/// <summary>
/// The draws of a block of consecutive iterations, as one worker recorded them: per iteration the raw metric values
/// (counts, indicators, cents; <see cref="DrawColumns.Missing"/> where there is none) in <see cref="DrawColumns.Cells"/>
/// order, and the uncertain inputs' drawn values. Reused from block to block.
/// </summary>
internal sealed class DrawBlock(DrawColumns columns, int capacity)
{
    /// <summary>Iterations the buffers hold at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>The block's first iteration.</summary>
    public long First { get; set; }

    /// <summary>Iterations recorded.</summary>
    public int Count { get; set; }

    /// <summary>Iteration k's values at [k·ValuesPerIteration, (k+1)·ValuesPerIteration), k relative to <see cref="First"/>.</summary>
    public long[] Values { get; } = new long[capacity * columns.ValuesPerIteration];

    /// <summary>Iteration k's inputs at [k·inputs, (k+1)·inputs).</summary>
    public double[] Inputs { get; } = new double[capacity * columns.Inputs.Count];
}
