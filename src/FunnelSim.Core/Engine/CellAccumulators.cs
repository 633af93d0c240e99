using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of every cell (indication × year × metric) of one worker: exact sums, exact sums of squares
/// and each cell's <see cref="CountDistribution"/> (an exact histogram, or past <see cref="MaxExactWidth"/> a sketch),
/// kept as parallel arrays. Integer arithmetic makes merging exact in any order, so results cannot depend on how
/// iterations were split across threads.
/// </summary>
/// <remarks>
/// Rows are added in batches of <see cref="Batch"/>: <see cref="Add"/> only copies a row into a cell-major buffer,
/// and a full buffer is summarised cell by cell, so each histogram (national counts span up to ~10⁵ values, some
/// 10 MB over all cells) is touched once per batch, while its busy bins are in cache, instead of once per row.
/// Every summary is an exact, order-independent integer count or sum, so batching changes no bit of a result.
/// Reading any summary (or merging) first summarises the rows still pending.
/// </remarks>
internal sealed class CellAccumulators
{
    /// <summary>Rows buffered before they are summarised.</summary>
    public const int Batch = 64;

    private readonly long[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly CountDistribution[] _histograms;
    private readonly BucketScratch _scratch = new();
    private readonly long[] _pending; // cell c's pending values at [c·Batch, c·Batch + _pendingRows)
    private int _pendingRows;

    /// <summary>Bins of exact histograms a set of cells may hold in all (one to five bytes each): 64 Mi.</summary>
    public const long ExactBinBudget = 1L << 26;

    /// <summary>Smallest <see cref="MaxExactWidth"/>, however many cells.</summary>
    public const long MinExactWidth = 1 << 10;

    /// <summary>Largest <see cref="MaxExactWidth"/>, however few cells.</summary>
    public const long MaxExactWidthCap = 1 << 20;

    public CellAccumulators(int cells) : this(cells, ExactWidthFor(cells))
    {
    }

    /// <param name="cells">Cells in a row.</param>
    /// <param name="maxExactWidth">Largest range of a cell's values kept in an exact histogram (tests choose a small one).</param>
    internal CellAccumulators(int cells, long maxExactWidth)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("little-endian 128-bit sums");
        MaxExactWidth = maxExactWidth;
        _sums = new long[cells];
        _sumsOfSquares = new Int128[cells];
        _histograms = new CountDistribution[cells];
        for (int c = 0; c < cells; c++) _histograms[c] = new CountDistribution(maxExactWidth);
        _pending = new long[cells * Batch];
    }

    /// <summary>
    /// The bound of a set of <paramref name="cells"/> cells: <see cref="ExactBinBudget"/> shared among them, within
    /// [<see cref="MinExactWidth"/>, <see cref="MaxExactWidthCap"/>]. A function of the cell count only, so every worker,
    /// shard and merge of a run uses the same bound.
    /// </summary>
    public static long ExactWidthFor(int cells) => Math.Clamp(ExactBinBudget / Math.Max(cells, 1), MinExactWidth, MaxExactWidthCap);

    /// <summary>Largest range of a cell's values (max − min + 1) kept in an exact histogram; wider cells are sketched.</summary>
    public long MaxExactWidth { get; }

    /// <summary>Rows added.</summary>
    public long Iterations { get; private set; }

    /// <summary>Cells in a row.</summary>
    public int CellCount => _sums.Length;

    /// <summary>
    /// Accumulators holding a saved state (a shard's partial file): <paramref name="iterations"/> rows whose per-cell sums,
    /// sums of squares and distributions are given (with the bound <see cref="ExactWidthFor"/> of their count). Merging
    /// them is the same as having added those rows.
    /// </summary>
    public static CellAccumulators Restore(long iterations, long[] sums, Int128[] sumsOfSquares, CountDistribution[] histograms)
    {
        if (sumsOfSquares.Length != sums.Length || histograms.Length != sums.Length)
            throw new ArgumentException("one sum, sum of squares and histogram per cell");
        var cells = new CellAccumulators(sums.Length) { Iterations = iterations };
        if (histograms.Any(h => h.MaxExactWidth != cells.MaxExactWidth))
            throw new ArgumentException($"the histograms' bound is not {cells.MaxExactWidth:D}");
        sums.CopyTo(cells._sums, 0);
        sumsOfSquares.CopyTo(cells._sumsOfSquares, 0);
        histograms.CopyTo(cells._histograms, 0);
        return cells;
    }

    public long Sum(int cell)
    {
        Flush();
        return _sums[cell];
    }

    public Int128 SumOfSquares(int cell)
    {
        Flush();
        return _sumsOfSquares[cell];
    }

    public CountDistribution Histogram(int cell)
    {
        Flush();
        return _histograms[cell];
    }

    /// <summary>Adds one row: a value for every cell.</summary>
    public void Add(ReadOnlySpan<long> values)
    {
        if (values.Length != _sums.Length) throw new ArgumentException($"expected {_sums.Length} cells", nameof(values));
        var pending = _pending.AsSpan();
        int row = _pendingRows;
        for (int c = 0; c < values.Length; c++) pending[c * Batch + row] = values[c];
        Iterations++;
        if (++_pendingRows == Batch) Flush();
    }

    /// <summary>Summarises the pending rows (done by every read; cheap when nothing is pending).</summary>
    public void Flush()
    {
        if (_pendingRows > 0) Summarise();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private void Summarise()
    {
        int rows = _pendingRows;
        _pendingRows = 0;
        // The 128-bit sums of squares as (low, high) pairs of 64-bit words, little-endian as Int128 lays them out.
        var squares = MemoryMarshal.Cast<Int128, ulong>(_sumsOfSquares.AsSpan());
        for (int c = 0; c < _sums.Length; c++)
        {
            var values = _pending.AsSpan(c * Batch, rows);
            long sum = 0;
            ulong squareLow = 0, squareHigh = 0;
            for (int k = 0; k < values.Length; k++)
            {
                long value = values[k];
                sum += value;
                // value² = |value|², one 64 × 64 → 128-bit multiply (|long.MinValue| = 2^63 is still right as a ulong).
                ulong magnitude = value < 0 ? (ulong)-value : (ulong)value;
                ulong high = Math.BigMul(magnitude, magnitude, out ulong low);
                ulong before = squareLow;
                squareLow += low;
                squareHigh += high + (squareLow < before ? 1UL : 0UL);
            }
            _sums[c] += sum;
            ulong oldLow = squares[2 * c];
            squares[2 * c] = oldLow + squareLow;
            squares[2 * c + 1] += squareHigh + (oldLow + squareLow < oldLow ? 1UL : 0UL);
            _histograms[c].Add(values, _scratch);
        }
    }

    public void Merge(CellAccumulators other)
    {
        Flush();
        other.Flush();
        for (int c = 0; c < _sums.Length; c++)
        {
            _sums[c] += other._sums[c];
            _sumsOfSquares[c] += other._sumsOfSquares[c];
            _histograms[c].Merge(other._histograms[c], _scratch);
        }
        Iterations += other.Iterations;
    }
}
