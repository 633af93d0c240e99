using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of money cells, each a whole number of cents per iteration: counts, exact 128-bit sums and sums
/// of squares, exact minimum and maximum, and a <see cref="LogBucketSketch"/> for percentiles. Every part merges
/// exactly in any order, so summaries are identical for any thread count or split into shards. A cell value of
/// <see cref="Undefined"/> is skipped (a per-treated amount in an iteration with nobody treated).
/// </summary>
/// <remarks>
/// Iterations are buffered <see cref="Batch"/> at a time and then added cell by cell: one cell's sums stay in registers
/// and its sketch's buckets stay in cache for the whole batch, which is several times faster than adding every cell of
/// every iteration in turn. The buffer is fixed in size, so memory stays flat in the number of iterations.
/// </remarks>
internal sealed class MoneyAccumulators
{
    /// <summary>Marks a cell that has no value in this iteration.</summary>
    public const long Undefined = long.MinValue;

    /// <summary>Largest magnitude kept, in cents (about 11 trillion in currency units); larger values are clamped.</summary>
    public const long MaxMagnitude = 1L << 50;

    /// <summary>Iterations buffered before they are added.</summary>
    private const int Batch = 32;

    private readonly int _cells;
    private readonly long[] _counts;
    private readonly Int128[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly LogBucketSketch[] _sketches;
    private readonly long[] _pending;   // iteration-major: _pending[j * cells + c] is cell c of the j-th buffered iteration
    private readonly long[] _column = new long[Batch];
    private readonly double[] _logs = new double[Batch];
    private int _buffered;

    public MoneyAccumulators(int cells)
    {
        _cells = cells;
        _counts = new long[cells];
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

    public long Count(int cell) => Flushed()._counts[cell];
    public Int128 Sum(int cell) => Flushed()._sums[cell];
    public Int128 SumOfSquares(int cell) => Flushed()._sumsOfSquares[cell];
    public (long Min, long Max) Range(int cell) => (Flushed()._min[cell], _max[cell]);
    public LogBucketSketch Sketch(int cell) => Flushed()._sketches[cell];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<long> values)
    {
        values.CopyTo(_pending.AsSpan(_buffered * _cells, _cells));
        if (++_buffered == Batch) Flush();
    }

    public void Merge(MoneyAccumulators other)
    {
        Flush();
        other.Flush();
        for (int c = 0; c < _cells; c++)
        {
            _counts[c] += other._counts[c];
            _sums[c] += other._sums[c];
            _sumsOfSquares[c] += other._sumsOfSquares[c];
            _min[c] = Math.Min(_min[c], other._min[c]);
            _max[c] = Math.Max(_max[c], other._max[c]);
            _sketches[c].Merge(other._sketches[c]);
        }
    }

    private MoneyAccumulators Flushed()
    {
        Flush();
        return this;
    }

    /// <summary>Adds the buffered iterations, cell by cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush()
    {
        int n = _buffered;
        if (n == 0) return;
        var logs = _logs.AsSpan();
        for (int c = 0; c < _cells; c++)
        {
            var values = _column.AsSpan(0, n);
            for (int j = 0; j < n; j++) values[j] = _pending[j * _cells + c];
            // The logarithms always on the vector path (a value's bucket must not depend on where it sits in the batch).
            for (int j = 0; j < n; j++)
            {
                long v = values[j];
                logs[j] = v == 0 || v == Undefined ? 1 : Math.Abs((double)v);
            }
            for (int j = 0; j < n; j += 4)
                Vector256.Log(Vector256.Create(logs.Slice(j, 4))).CopyTo(logs.Slice(j, 4));

            long count = 0, sum = 0, min = _min[c], max = _max[c];
            Int128 squares = 0;
            var sketch = _sketches[c];
            for (int j = 0; j < n; j++)
            {
                long value = values[j];
                if (value == Undefined) continue;
                value = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
                count++;
                sum += value;             // at most 32 values of at most 2^50: no overflow
                squares += Math.BigMul(value, value);
                if (value < min) min = value;
                if (value > max) max = value;
                sketch.Add(value, logs[j]);
            }
            _counts[c] += count;
            _sums[c] += sum;
            _sumsOfSquares[c] += squares;
            _min[c] = min;
            _max[c] = max;
        }
        _buffered = 0;
    }
}
