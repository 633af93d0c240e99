using System.Runtime.Intrinsics;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of money cells, each a whole number of cents per iteration: counts, exact 128-bit sums and sums
/// of squares, exact minimum and maximum, and a <see cref="LogBucketSketch"/> for percentiles. Every part merges
/// exactly in any order, so summaries are identical for any thread count or split into shards. A cell value of
/// <see cref="Undefined"/> is skipped (a per-treated amount in an iteration with nobody treated).
/// </summary>
internal sealed class MoneyAccumulators
{
    /// <summary>Marks a cell that has no value in this iteration.</summary>
    public const long Undefined = long.MinValue;

    /// <summary>
    /// Largest magnitude kept, in cents (about 11 trillion in currency units); larger values are clamped. It keeps a
    /// square below 2^100, so 10^8 iterations of sums of squares stay far inside 128 bits.
    /// </summary>
    public const long MaxMagnitude = 1L << 50;

    private readonly long[] _counts;
    private readonly Int128[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly LogBucketSketch[] _sketches;
    private readonly double[] _logs; // scratch: ln|value| per cell, a multiple of the vector width

    public MoneyAccumulators(int cells)
    {
        _counts = new long[cells];
        _sums = new Int128[cells];
        _sumsOfSquares = new Int128[cells];
        _min = new long[cells];
        _max = new long[cells];
        Array.Fill(_min, long.MaxValue);
        Array.Fill(_max, long.MinValue);
        _sketches = new LogBucketSketch[cells];
        for (int c = 0; c < cells; c++) _sketches[c] = new LogBucketSketch();
        _logs = new double[(cells + 3) & ~3];
    }

    public long Count(int cell) => _counts[cell];
    public Int128 Sum(int cell) => _sums[cell];
    public Int128 SumOfSquares(int cell) => _sumsOfSquares[cell];
    public (long Min, long Max) Range(int cell) => (_min[cell], _max[cell]);
    public LogBucketSketch Sketch(int cell) => _sketches[cell];

    public void Add(ReadOnlySpan<long> values)
    {
        // The logarithms four at a time, always on the vector path, so a value's bucket never depends on its position.
        var logs = _logs.AsSpan();
        for (int c = 0; c < values.Length; c++)
        {
            long v = values[c];
            logs[c] = v == 0 || v == Undefined ? 1 : Math.Abs((double)v);
        }
        for (int c = 0; c < logs.Length; c += 4)
            Vector256.Log(Vector256.Create(logs.Slice(c, 4))).CopyTo(logs.Slice(c, 4));

        for (int c = 0; c < values.Length; c++)
        {
            long value = values[c];
            if (value == Undefined) continue;
            value = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
            _counts[c]++;
            _sums[c] += value;
            _sumsOfSquares[c] += Math.BigMul(value, value);
            if (value < _min[c]) _min[c] = value;
            if (value > _max[c]) _max[c] = value;
            _sketches[c].Add(value, logs[c]);
        }
    }

    public void Merge(MoneyAccumulators other)
    {
        for (int c = 0; c < _counts.Length; c++)
        {
            _counts[c] += other._counts[c];
            _sums[c] += other._sums[c];
            _sumsOfSquares[c] += other._sumsOfSquares[c];
            _min[c] = Math.Min(_min[c], other._min[c]);
            _max[c] = Math.Max(_max[c], other._max[c]);
            _sketches[c].Merge(other._sketches[c]);
        }
    }
}
