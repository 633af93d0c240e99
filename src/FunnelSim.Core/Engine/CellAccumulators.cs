using System.Runtime.InteropServices;

namespace FunnelSim.Engine;

/// <summary>
/// Streaming summaries of every cell (indication × year × metric) of one worker: exact sums, exact sums of squares
/// and exact histograms, kept as parallel arrays so adding an iteration is one pass over memory. Integer arithmetic
/// makes merging exact in any order, so results cannot depend on how iterations were split across threads.
/// </summary>
internal sealed class CellAccumulators
{
    private readonly long[] _sums;
    private readonly Int128[] _sumsOfSquares;
    private readonly ExactHistogram[] _histograms;

    public CellAccumulators(int cells)
    {
        _sums = new long[cells];
        _sumsOfSquares = new Int128[cells];
        _histograms = new ExactHistogram[cells];
        for (int c = 0; c < cells; c++) _histograms[c] = new ExactHistogram();
    }

    public long Iterations { get; private set; }

    public long Sum(int cell) => _sums[cell];
    public Int128 SumOfSquares(int cell) => _sumsOfSquares[cell];
    public ExactHistogram Histogram(int cell) => _histograms[cell];

    public void Add(ReadOnlySpan<long> values)
    {
        var sums = _sums.AsSpan(0, values.Length);
        // The 128-bit sums of squares as (low, high) pairs of 64-bit words, little-endian as Int128 lays them out.
        var squares = MemoryMarshal.Cast<Int128, ulong>(_sumsOfSquares.AsSpan(0, values.Length));
        var histograms = _histograms.AsSpan(0, values.Length);
        for (int c = 0; c < values.Length; c++)
        {
            long value = values[c];
            sums[c] += value;
            // value² = |value|², one 64 × 64 → 128-bit multiply (|long.MinValue| = 2^63 is still right as a ulong).
            ulong magnitude = value < 0 ? (ulong)-value : (ulong)value;
            ulong high = Math.BigMul(magnitude, magnitude, out ulong low);
            ulong before = squares[2 * c], after = before + low;
            squares[2 * c] = after;
            squares[2 * c + 1] += high + (after < before ? 1UL : 0UL);
            histograms[c].Add(value);
        }
        Iterations++;
    }

    public void Merge(CellAccumulators other)
    {
        for (int c = 0; c < _sums.Length; c++)
        {
            _sums[c] += other._sums[c];
            _sumsOfSquares[c] += other._sumsOfSquares[c];
            _histograms[c].Merge(other._histograms[c]);
        }
        Iterations += other.Iterations;
    }
}
