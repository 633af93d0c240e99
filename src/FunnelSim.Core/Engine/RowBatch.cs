namespace FunnelSim.Engine;

/// <summary>
/// Rows of cell values (one row per iteration) buffered cell-major, <see cref="Size"/> rows at a time: the batching the
/// accumulators share. A full batch is summarised cell by cell, so each cell's histogram or sketch is touched once per
/// batch, while its busy bins are in cache, instead of once per row. Every summary is an exact, order-independent count
/// or sum, so batching changes no bit of a result.
/// </summary>
internal sealed class RowBatch
{
    /// <summary>Rows buffered before they are summarised.</summary>
    public const int Size = 64;

    private readonly long[] _pending; // cell c's pending values at [c·Size, c·Size + Rows)

    public RowBatch(int cells)
    {
        CellCount = cells;
        _pending = new long[cells * Size];
    }

    /// <summary>Cells in a row.</summary>
    public int CellCount { get; }

    /// <summary>Rows buffered.</summary>
    public int Rows { get; private set; }

    /// <summary>Buffers one row (a value for every cell); true when the batch is now full and must be summarised.</summary>
    public bool Add(ReadOnlySpan<long> values)
    {
        if (values.Length != CellCount) throw new ArgumentException($"expected {CellCount} cells", nameof(values));
        var pending = _pending.AsSpan();
        int row = Rows;
        for (int c = 0; c < values.Length; c++) pending[c * Size + row] = values[c];
        return ++Rows == Size;
    }

    /// <summary>The buffered values of <paramref name="cell"/>, in row order.</summary>
    public ReadOnlySpan<long> Cell(int cell) => _pending.AsSpan(cell * Size, Rows);

    /// <summary>Empties the batch (after it has been summarised).</summary>
    public void Clear() => Rows = 0;
}
