using System.Runtime.CompilerServices;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of every cell (indication × year × metric) of one worker: exact sums, exact sums of squares
/// and each cell's <see cref="CountDistribution"/> (an exact histogram, or past <see cref="MaxExactWidth"/> a sketch),
/// kept as parallel arrays. Integer arithmetic makes merging exact in any order, so results cannot depend on how
/// iterations were split across threads.
/// </summary>
/// <remarks>
/// Rows are added in a <see cref="RowBatch"/>: <see cref="Add(ReadOnlySpan{long})"/> only copies a row into the cell-major buffer, and a full
/// buffer is summarised cell by cell (the sums of squares in a <see cref="Sum128"/>), so each histogram (national counts
/// span up to ~10⁵ values, some 10 MB over all cells) is touched once per batch, while its busy bins are in cache.
/// Reading any summary (or merging) first summarises the rows still pending.
/// </remarks>
internal sealed class CellAccumulators
{
    private readonly long[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly CountDistribution[] _histograms;
    private readonly BucketScratch _scratch = new();
    private readonly RowBatch _pending;
    private long[] _replicateSums = [];   // replicated Latin hypercube: per replicate (major) and cell, the exact sum
    private long[] _replicateRows = [];   // rows added to each replicate (capacity; _replicates in use)
    private int _replicates;

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
        MaxExactWidth = maxExactWidth;
        _sums = new long[cells];
        _sumsOfSquares = new Int128[cells];
        _histograms = new CountDistribution[cells];
        for (int c = 0; c < cells; c++) _histograms[c] = new CountDistribution(maxExactWidth);
        _pending = new RowBatch(cells);
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

    /// <summary>Replicates (replicated Latin hypercube) rows were added to: 0 when rows carry no replicate.</summary>
    public int Replicates => _replicates;

    /// <summary>The exact sum of <paramref name="cell"/> over the rows of replicate <paramref name="replicate"/>.</summary>
    public long ReplicateSum(int replicate, int cell) => _replicateSums[replicate * CellCount + cell];

    /// <summary>Rows added to replicate <paramref name="replicate"/>.</summary>
    public long ReplicateRows(int replicate) => _replicateRows[replicate];

    /// <summary>Sets the per-replicate sums of a saved state (<paramref name="sums"/> replicate-major, one per replicate and cell).</summary>
    public void RestoreReplicates(long[] rows, long[] sums)
    {
        if (sums.Length != rows.Length * CellCount) throw new ArgumentException("one replicate sum per replicate and cell");
        _replicateRows = rows;
        _replicateSums = sums;
        _replicates = rows.Length;
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
        bool full = _pending.Add(values);
        Iterations++;
        if (full) Flush();
    }

    /// <summary>
    /// Adds one row belonging to replicate <paramref name="replicate"/> of a replicated Latin hypercube (its sums are
    /// also kept per replicate); a negative replicate is a row of a plain run.
    /// </summary>
    public void Add(ReadOnlySpan<long> values, int replicate)
    {
        Add(values);
        if (replicate < 0) return;
        EnsureReplicates(replicate + 1);
        _replicateRows[replicate]++;
        var sums = _replicateSums.AsSpan(replicate * CellCount, CellCount);
        for (int c = 0; c < sums.Length; c++) sums[c] += values[c];
    }

    private void EnsureReplicates(int replicates)
    {
        if (replicates <= _replicates) return;
        if (replicates > _replicateRows.Length)
        {
            int grown = Math.Max(replicates, 2 * _replicateRows.Length);
            Array.Resize(ref _replicateRows, grown);
            Array.Resize(ref _replicateSums, grown * CellCount);
        }
        _replicates = replicates;
    }

    /// <summary>Summarises the pending rows (done by every read; cheap when nothing is pending).</summary>
    public void Flush()
    {
        if (_pending.Rows > 0) Summarise();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private void Summarise()
    {
        for (int c = 0; c < _sums.Length; c++)
        {
            var values = _pending.Cell(c);
            long sum = 0;
            var squares = default(Sum128);
            for (int k = 0; k < values.Length; k++)
            {
                long value = values[k];
                sum += value;
                squares.AddSquare(value);
            }
            _sums[c] += sum;
            squares.AddTo(ref _sumsOfSquares[c]);
            _histograms[c].Add(values, _scratch);
        }
        _pending.Clear();
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
        if (other._replicates > 0)
        {
            EnsureReplicates(other._replicates);
            for (int r = 0; r < other._replicates; r++) _replicateRows[r] += other._replicateRows[r];
            for (int i = 0; i < other._replicates * CellCount; i++) _replicateSums[i] += other._replicateSums[i];
        }
    }
}
