using System.Runtime.CompilerServices;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of money cells, each a whole number of cents per iteration: counts, exact 128-bit sums and sums
/// of squares, exact minimum and maximum, and a <see cref="LogBucketSketch"/> for percentiles. Every part merges
/// exactly in any order, so summaries are identical for any thread count or split into shards. A cell value of
/// <see cref="Undefined"/> is skipped (a per-treated amount in an iteration with nobody treated).
/// </summary>
/// <remarks>
/// Rows are added in a <see cref="RowBatch"/>, as in <see cref="CellAccumulators"/>: <see cref="Add(ReadOnlySpan{long})"/> only copies a row
/// into the cell-major buffer, and a full buffer is summarised cell by cell — the count is the rows added less the cell's
/// undefined values; the 128-bit sums are kept in registers (<see cref="Sum128"/>); the sketch's bucket indices are
/// computed four at a time (<see cref="LogBucketSketch.Buckets"/>); and each sketch is touched once per batch, while its
/// busy buckets are in cache. Every part is an exact, order-independent count or sum, so batching changes no bit of a
/// result. Reading any summary (or merging) first summarises the rows still pending.
/// </remarks>
internal sealed class MoneyAccumulators
{
    /// <summary>Marks a cell that has no value in this iteration.</summary>
    public const long Undefined = long.MinValue;

    /// <summary>
    /// Largest magnitude kept, in cents (about 11 trillion in currency units); larger values are clamped. It keeps a
    /// square below 2^100, so 10^8 iterations of sums of squares stay far inside 128 bits.
    /// </summary>
    public const long MaxMagnitude = 1L << 50;

    private long _rows;                 // rows summarised
    private readonly long[] _undefined; // per cell: rows in which it was Undefined
    private readonly Int128[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly LogBucketSketch[] _sketches;
    private readonly RowBatch _pending;
    private readonly BucketScratch _scratch = new();      // one cell's pending values' buckets
    private Int128[] _replicateSums = [];   // replicated Latin hypercube: per replicate (major) and cell, the exact sum
    private long[] _replicateCounts = [];   // and the count of defined values
    private int _replicates;

    public MoneyAccumulators(int cells)
    {
        _undefined = new long[cells];
        _sums = new Int128[cells];
        _sumsOfSquares = new Int128[cells];
        _min = new long[cells];
        _max = new long[cells];
        Array.Fill(_min, long.MaxValue);
        Array.Fill(_max, long.MinValue);
        _sketches = new LogBucketSketch[cells];
        for (int c = 0; c < cells; c++) _sketches[c] = new LogBucketSketch();
        _pending = new RowBatch(cells);
    }

    /// <summary>Cells in a row.</summary>
    public int CellCount => _undefined.Length;

    /// <summary>Rows added.</summary>
    public long Rows
    {
        get
        {
            Flush();
            return _rows;
        }
    }

    /// <summary>
    /// Accumulators holding a saved state (a shard's partial file): <paramref name="rows"/> rows, and per cell the count of
    /// defined values, the 128-bit sums, the range and the sketch. Merging them is the same as having added those rows.
    /// </summary>
    public static MoneyAccumulators Restore(long rows, long[] counts, Int128[] sums, Int128[] sumsOfSquares, long[] min, long[] max,
        LogBucketSketch[] sketches)
    {
        int cells = counts.Length;
        if (sums.Length != cells || sumsOfSquares.Length != cells || min.Length != cells || max.Length != cells || sketches.Length != cells)
            throw new ArgumentException("one count, sum, sum of squares, range and sketch per cell");
        var money = new MoneyAccumulators(cells) { _rows = rows };
        for (int c = 0; c < cells; c++)
        {
            if (counts[c] < 0 || counts[c] > rows) throw new ArgumentException($"cell {c}: {counts[c]} values in {rows} rows");
            money._undefined[c] = rows - counts[c];
        }
        sums.CopyTo(money._sums, 0);
        sumsOfSquares.CopyTo(money._sumsOfSquares, 0);
        min.CopyTo(money._min, 0);
        max.CopyTo(money._max, 0);
        sketches.CopyTo(money._sketches, 0);
        return money;
    }

    /// <summary>Replicates (replicated Latin hypercube) rows were added to: 0 when rows carry no replicate.</summary>
    public int Replicates => _replicates;

    /// <summary>The exact sum (cents) of <paramref name="cell"/>'s defined values in replicate <paramref name="replicate"/>.</summary>
    public Int128 ReplicateSum(int replicate, int cell) => _replicateSums[replicate * CellCount + cell];

    /// <summary>The count of <paramref name="cell"/>'s defined values in replicate <paramref name="replicate"/>.</summary>
    public long ReplicateCount(int replicate, int cell) => _replicateCounts[replicate * CellCount + cell];

    /// <summary>Sets the per-replicate sums and counts of a saved state (replicate-major, one per replicate and cell).</summary>
    public void RestoreReplicates(int replicates, Int128[] sums, long[] counts)
    {
        if (sums.Length != replicates * CellCount || counts.Length != sums.Length)
            throw new ArgumentException("one replicate sum and count per replicate and cell");
        _replicateSums = sums;
        _replicateCounts = counts;
        _replicates = replicates;
    }

    /// <summary>Adds one row of replicate <paramref name="replicate"/> (negative: a row of a plain run).</summary>
    public void Add(ReadOnlySpan<long> values, int replicate)
    {
        Add(values);
        if (replicate < 0) return;
        EnsureReplicates(replicate + 1);
        var sums = _replicateSums.AsSpan(replicate * CellCount, CellCount);
        var counts = _replicateCounts.AsSpan(replicate * CellCount, CellCount);
        for (int c = 0; c < sums.Length; c++)
        {
            long value = values[c];
            if (value == Undefined) continue;
            sums[c] += Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
            counts[c]++;
        }
    }

    private void EnsureReplicates(int replicates)
    {
        if (replicates <= _replicates) return;
        if (replicates * CellCount > _replicateSums.Length)
        {
            int grown = Math.Max(replicates, 2 * _replicates);
            Array.Resize(ref _replicateSums, grown * CellCount);
            Array.Resize(ref _replicateCounts, grown * CellCount);
        }
        _replicates = replicates;
    }

    public long Count(int cell)
    {
        Flush();
        return _rows - _undefined[cell];
    }

    public Int128 Sum(int cell)
    {
        Flush();
        return _sums[cell];
    }

    public Int128 SumOfSquares(int cell)
    {
        Flush();
        return _sumsOfSquares[cell];
    }

    public (long Min, long Max) Range(int cell)
    {
        Flush();
        return (_min[cell], _max[cell]);
    }

    public LogBucketSketch Sketch(int cell)
    {
        Flush();
        return _sketches[cell];
    }

    /// <summary>Adds one row: a value for every cell.</summary>
    public void Add(ReadOnlySpan<long> values)
    {
        if (_pending.Add(values)) Flush();
    }

    /// <summary>Summarises the pending rows (done by every read; cheap when nothing is pending).</summary>
    public void Flush()
    {
        if (_pending.Rows > 0) Summarise();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private void Summarise()
    {
        _rows += _pending.Rows;
        var buckets = _scratch.Buckets.AsSpan(0, _pending.Rows);
        for (int c = 0; c < _undefined.Length; c++)
        {
            var values = _pending.Cell(c);
            LogBucketSketch.Buckets(values, _scratch);
            var sketch = _sketches[c];
            BucketCounts positive = sketch.Positive, negative = sketch.Negative;
            long undefined = 0, zeros = 0, min = _min[c], max = _max[c];
            var sum = default(Sum128);
            var squares = default(Sum128);
            for (int k = 0; k < values.Length; k++)
            {
                long value = values[k];
                if (value == Undefined)
                {
                    undefined++;
                    continue;
                }
                value = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
                if (value < min) min = value;
                if (value > max) max = value;
                if (value == 0)
                {
                    zeros++;
                    continue;
                }
                sum.Add(value);
                squares.AddSquare(value);
                (value > 0 ? positive : negative).Add(buckets[k]);
            }
            _undefined[c] += undefined;
            _min[c] = min;
            _max[c] = max;
            sketch.AddZeros(zeros);
            sum.AddTo(ref _sums[c]);
            squares.AddTo(ref _sumsOfSquares[c]);
        }
        _pending.Clear();
    }

    public void Merge(MoneyAccumulators other)
    {
        Flush();
        other.Flush();
        _rows += other._rows;
        for (int c = 0; c < _undefined.Length; c++)
        {
            _undefined[c] += other._undefined[c];
            _sums[c] += other._sums[c];
            _sumsOfSquares[c] += other._sumsOfSquares[c];
            _min[c] = Math.Min(_min[c], other._min[c]);
            _max[c] = Math.Max(_max[c], other._max[c]);
            _sketches[c].Merge(other._sketches[c]);
        }
        if (other._replicates > 0)
        {
            EnsureReplicates(other._replicates);
            for (int i = 0; i < other._replicates * CellCount; i++)
            {
                _replicateSums[i] += other._replicateSums[i];
                _replicateCounts[i] += other._replicateCounts[i];
            }
        }
    }
}
