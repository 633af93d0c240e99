using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of money cells, each a whole number of cents per iteration: counts, exact 128-bit sums and sums
/// of squares, exact minimum and maximum, and a <see cref="LogBucketSketch"/> for percentiles. Every part merges
/// exactly in any order, so summaries are identical for any thread count or split into shards. A cell value of
/// <see cref="Undefined"/> is skipped (a per-treated amount in an iteration with nobody treated).
/// </summary>
/// <remarks>
/// Rows are added in batches of <see cref="Batch"/>, as in <see cref="CellAccumulators"/>: <see cref="Add"/> only copies
/// a row into a cell-major buffer, and a full buffer is summarised cell by cell — the count is the rows added less the
/// cell's undefined values; the 128-bit sums are kept in registers as two 64-bit halves with a carry (the square of
/// |value| is one 64 × 64 → 128-bit multiply); the sketch's bucket indices are computed four at a time (logarithm,
/// scale, ceiling, conversion); and each sketch is touched once per batch, while its busy buckets are in cache.
/// Every part is an exact, order-independent count or sum, so batching changes no bit of a result. Reading any
/// summary (or merging) first summarises the rows still pending.
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

    /// <summary>Rows buffered before they are summarised.</summary>
    public const int Batch = 64;

    private long _rows;                 // rows summarised
    private readonly long[] _undefined; // per cell: rows in which it was Undefined
    private readonly Int128[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly LogBucketSketch[] _sketches;
    private readonly long[] _pending;   // cell c's pending values at [c·Batch, c·Batch + _pendingRows)
    private int _pendingRows;
    private readonly BucketScratch _scratch = new();      // one cell's pending values' buckets

    public MoneyAccumulators(int cells)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("little-endian 128-bit sums");
        _undefined = new long[cells];
        _sums = new Int128[cells];
        _sumsOfSquares = new Int128[cells];
        _min = new long[cells];
        _max = new long[cells];
        Array.Fill(_min, long.MaxValue);
        Array.Fill(_max, long.MinValue);
        _sketches = new LogBucketSketch[cells];
        for (int c = 0; c < cells; c++) _sketches[c] = new LogBucketSketch();
        _pending = new long[cells * Batch];
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
        if (values.Length != _undefined.Length) throw new ArgumentException($"expected {_undefined.Length} cells", nameof(values));
        var pending = _pending.AsSpan();
        int row = _pendingRows;
        for (int c = 0; c < values.Length; c++) pending[c * Batch + row] = values[c];
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
        _rows += rows;
        // The 128-bit sums as (low, high) pairs of 64-bit words, little-endian as Int128 lays them out.
        var sums = MemoryMarshal.Cast<Int128, ulong>(_sums.AsSpan());
        var squares = MemoryMarshal.Cast<Int128, ulong>(_sumsOfSquares.AsSpan());
        var buckets = _scratch.Buckets.AsSpan(0, rows);
        for (int c = 0; c < _undefined.Length; c++)
        {
            var values = _pending.AsSpan(c * Batch, rows);
            LogBucketSketch.Buckets(values, _scratch);
            var sketch = _sketches[c];
            BucketCounts positive = sketch.Positive, negative = sketch.Negative;
            long undefined = 0, zeros = 0, min = _min[c], max = _max[c];
            ulong sumLow = 0, sumHigh = 0, squareLow = 0, squareHigh = 0;
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

                ulong before = sumLow;
                sumLow += (ulong)value;
                sumHigh += (ulong)(value >> 63) + (sumLow < before ? 1UL : 0UL);

                ulong magnitude = (ulong)Math.Abs(value);
                ulong high = Math.BigMul(magnitude, magnitude, out ulong low);
                before = squareLow;
                squareLow += low;
                squareHigh += high + (squareLow < before ? 1UL : 0UL);

                (value > 0 ? positive : negative).Add(buckets[k]);
            }
            _undefined[c] += undefined;
            _min[c] = min;
            _max[c] = max;
            sketch.AddZeros(zeros);
            AddTo(sums, c, sumLow, sumHigh);
            AddTo(squares, c, squareLow, squareHigh);
        }
    }

    /// <summary>Adds (<paramref name="low"/>, <paramref name="high"/>) to the 128-bit value of <paramref name="cell"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(Span<ulong> words, int cell, ulong low, ulong high)
    {
        ulong before = words[2 * cell], after = before + low;
        words[2 * cell] = after;
        words[2 * cell + 1] += high + (after < before ? 1UL : 0UL);
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
    }
}
