using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of money cells, each a whole number of cents per iteration: counts, exact 128-bit sums and sums
/// of squares, exact minimum and maximum, and a <see cref="LogBucketSketch"/> for percentiles. Every part merges
/// exactly in any order, so summaries are identical for any thread count or split into shards. A cell value of
/// <see cref="Undefined"/> is skipped (a per-treated amount in an iteration with nobody treated).
/// </summary>
/// <remarks>
/// The hot path (<see cref="Add"/>, once per iteration for every cell) keeps the work per cell small: the count is the
/// number of rows added less the cell's undefined values (counted only when they occur); the 128-bit sums are two
/// 64-bit halves added with a carry (the square of |value| is one 64 × 64 → 128-bit multiply); a zero skips the
/// sums; and the sketch's bucket indices are computed four at a time (logarithm, scale, ceiling, conversion) before
/// the loop, which then only increments a byte of the sign's bucket store, reached without the sketch object.
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

    private long _rows;                 // Add calls
    private readonly long[] _undefined; // per cell: rows in which it was Undefined
    private readonly Int128[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly LogBucketSketch[] _sketches;
    private readonly BucketCounts[] _positive; // each sketch's stores, for the hot loop
    private readonly BucketCounts[] _negative;
    private readonly double[] _logs;  // scratch: ln|value| per cell, a multiple of the vector width
    private readonly int[] _buckets;  // scratch: ⌈ln|value| / ln γ⌉ per cell

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
        _positive = new BucketCounts[cells];
        _negative = new BucketCounts[cells];
        for (int c = 0; c < cells; c++)
        {
            var sketch = _sketches[c] = new LogBucketSketch();
            _positive[c] = sketch.Positive;
            _negative[c] = sketch.Negative;
        }
        _logs = new double[(cells + 3) & ~3];
        _buckets = new int[_logs.Length];
    }

    public long Count(int cell) => _rows - _undefined[cell];
    public Int128 Sum(int cell) => _sums[cell];
    public Int128 SumOfSquares(int cell) => _sumsOfSquares[cell];
    public (long Min, long Max) Range(int cell) => (_min[cell], _max[cell]);
    public LogBucketSketch Sketch(int cell) => _sketches[cell];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<long> values)
    {
        int cells = _undefined.Length;
        if (values.Length != cells) throw new ArgumentException($"expected {cells} cells", nameof(values));
        Buckets(values);
        _rows++;

        // The 128-bit sums as (low, high) pairs of 64-bit words, little-endian as Int128 lays them out.
        var sums = MemoryMarshal.Cast<Int128, ulong>(_sums.AsSpan());
        var squares = MemoryMarshal.Cast<Int128, ulong>(_sumsOfSquares.AsSpan());
        var undefined = _undefined.AsSpan();
        var min = _min.AsSpan(0, cells);
        var max = _max.AsSpan(0, cells);
        var buckets = _buckets.AsSpan(0, cells);
        var positive = _positive.AsSpan(0, cells);
        var negative = _negative.AsSpan(0, cells);
        for (int c = 0; c < cells; c++)
        {
            long value = values[c];
            if (value == Undefined)
            {
                undefined[c]++;
                continue;
            }
            value = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
            if (value < min[c]) min[c] = value;
            if (value > max[c]) max[c] = value;
            if (value == 0)
            {
                _sketches[c].AddZero();
                continue;
            }

            ulong low = sums[2 * c], sum = low + (ulong)value;
            sums[2 * c] = sum;
            sums[2 * c + 1] += (ulong)(value >> 63) + (sum < low ? 1UL : 0UL);

            ulong magnitude = (ulong)Math.Abs(value);
            ulong squareHigh = Math.BigMul(magnitude, magnitude, out ulong squareLow);
            low = squares[2 * c];
            sum = low + squareLow;
            squares[2 * c] = sum;
            squares[2 * c + 1] += squareHigh + (sum < low ? 1UL : 0UL);

            (value > 0 ? positive[c] : negative[c]).Add(buckets[c]);
        }
    }

    /// <summary>
    /// Each cell's sketch bucket, <c>⌈ln|value| · (1/ln γ)⌉</c>, four at a time and always on the vector path, so a
    /// value's bucket never depends on its position (0 for a zero or undefined value, which gets no bucket).
    /// </summary>
    private void Buckets(ReadOnlySpan<long> values)
    {
        var logs = _logs.AsSpan();
        for (int c = 0; c < values.Length; c++)
        {
            long v = values[c];
            logs[c] = v == 0 || v == Undefined ? 1 : Math.Abs((double)v);
        }
        var scale = Vector256.Create(LogBucketSketch.InverseLogGamma);
        var buckets = _buckets.AsSpan();
        for (int c = 0; c < logs.Length; c += 4)
        {
            // ln|value| ≤ ln 2^63, so the bucket (≤ 21,900) converts to an int exactly.
            var index = Vector256.Ceiling(Vector256.Log(Vector256.Create(logs.Slice(c, 4))) * scale);
            if (Avx.IsSupported)
            {
                Avx.ConvertToVector128Int32WithTruncation(index).CopyTo(buckets.Slice(c, 4));
            }
            else
            {
                for (int k = 0; k < 4; k++) buckets[c + k] = (int)index.GetElement(k);
            }
        }
    }

    public void Merge(MoneyAccumulators other)
    {
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
