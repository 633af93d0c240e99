namespace FunnelSim.Engine;

/// <summary>
/// Exact counts of integer values over a contiguous range that grows as needed. Adding and merging are exact and
/// order-independent, so percentiles do not depend on how iterations were split across threads or shards.
/// Memory is proportional to the range of values seen (e.g. ±5 standard deviations), not to the number of values.
/// </summary>
/// <remarks>
/// A count is split into a low byte and a high part (<c>count = high · 256 + low</c>): the hot loop touches only the
/// byte array, except once every 256 hits of a bin, and the high part is allocated only when some bin first reaches
/// 256. Wide metrics (a national incidence spans ~10⁵ values, each hit a few times) then cost one byte per value in
/// memory and in cache, which is what bounds the speed of adding an iteration and of starting a short run.
/// </remarks>
internal sealed class ExactHistogram
{
    private const int InitialWidth = 64;
    private long _offset;
    private byte[] _low = [];
    private int[]? _high;

    public long Count { get; private set; }

    /// <summary>Number of bins covered (one byte each, five once a bin has reached 256).</summary>
    public int Width => _low.Length;

    public void Add(long value)
    {
        long index = value - _offset;
        if ((ulong)index >= (ulong)_low.Length)
        {
            Cover(value, value);
            index = value - _offset;
        }
        if (++_low[index] == 0) Carry(index);
        Count++;
    }

    /// <summary>Adds every value of <paramref name="values"/> (the same counts as adding them one by one).</summary>
    public void Add(ReadOnlySpan<long> values)
    {
        byte[] low = _low;
        long offset = _offset;
        foreach (long value in values)
        {
            long index = value - offset;
            if ((ulong)index >= (ulong)low.Length)
            {
                Cover(value, value);
                low = _low;
                offset = _offset;
                index = value - offset;
            }
            if (++low[index] == 0) Carry(index);
        }
        Count += values.Length;
    }

    /// <summary>Adds <paramref name="count"/> values equal to <paramref name="value"/> (restoring a saved histogram).</summary>
    public void Add(long value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        Cover(value, value);
        long index = value - _offset;
        long total = CountAt(index) + count;
        _low[index] = (byte)total;
        if (total >> 8 != 0) (_high ??= new int[_low.Length])[index] = checked((int)(total >> 8));
        Count += count;
    }

    /// <summary>How many values equal <paramref name="value"/>.</summary>
    public long CountOf(long value)
    {
        long index = value - _offset;
        return (ulong)index < (ulong)_low.Length ? CountAt(index) : 0;
    }

    public void Merge(ExactHistogram other)
    {
        if (other.Count == 0) return;
        var (low, high) = other.Range();
        Cover(low, high);
        long shift = other._offset - _offset;
        for (int i = 0; i < other._low.Length; i++)
        {
            long add = other.CountAt(i);
            if (add == 0) continue;
            long total = CountAt(shift + i) + add;
            _low[shift + i] = (byte)total;
            if (total >> 8 != 0) (_high ??= new int[_low.Length])[shift + i] = checked((int)(total >> 8));
        }
        Count += other.Count;
    }

    /// <summary>Smallest and largest value added; (0, −1) when empty.</summary>
    public (long Min, long Max) Range()
    {
        int first = 0, last = _low.Length - 1;
        while (first <= last && CountAt(first) == 0) first++;
        while (last >= first && CountAt(last) == 0) last--;
        return first > last ? (0, -1) : (_offset + first, _offset + last);
    }

    /// <summary>
    /// Quantiles by linear interpolation between order statistics (Hyndman and Fan type 7, the default of R and NumPy):
    /// for probability p, h = (n − 1)p and Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based order statistics.
    /// <paramref name="probabilities"/> must be ascending.
    /// </summary>
    public double[] Quantiles(ReadOnlySpan<double> probabilities)
    {
        var result = new double[probabilities.Length];
        if (Count == 0) return result;
        long cumulative = 0; // values in bins before `bin`
        int bin = 0;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (Count - 1) * probabilities[q];
            long lowRank = (long)Math.Floor(h);
            long highRank = Math.Min(lowRank + 1, Count - 1);
            while (cumulative + CountAt(bin) <= lowRank) cumulative += CountAt(bin++);
            long lowValue = _offset + bin;
            long highValue = lowValue;
            if (highRank >= cumulative + CountAt(bin))
            {
                int next = bin + 1;
                while (CountAt(next) == 0) next++;
                highValue = _offset + next;
            }
            result[q] = lowValue + (h - lowRank) * (highValue - lowValue);
        }
        return result;
    }

    /// <summary>How many values equal <c>offset + index</c>.</summary>
    private long CountAt(long index) => _high is null ? _low[index] : ((long)_high[index] << 8) + _low[index];

    private void Carry(long index) => (_high ??= new int[_low.Length])[index]++;

    private void Cover(long low, long high)
    {
        if (_low.Length == 0)
        {
            long width = Math.Max(InitialWidth, high - low + 1);
            // Centre the range in the new bins (for a range wider than InitialWidth: exactly the range).
            _offset = low - (width - (high - low + 1)) / 2;
            _low = new byte[width];
            return;
        }
        long currentHigh = _offset + _low.Length - 1;
        if (low >= _offset && high <= currentHigh) return;
        long newLow = Math.Min(low, _offset);
        long newHigh = Math.Max(high, currentHigh);
        // Grow geometrically so a drifting metric costs O(log range) reallocations.
        long grow = Math.Max(newHigh - newLow + 1, 2L * _low.Length);
        long slack = grow - (newHigh - newLow + 1);
        if (low < _offset) newLow -= slack; else newHigh += slack;
        var lowCounts = new byte[newHigh - newLow + 1];
        Array.Copy(_low, 0, lowCounts, _offset - newLow, _low.Length);
        if (_high is not null)
        {
            var highCounts = new int[lowCounts.Length];
            Array.Copy(_high, 0, highCounts, _offset - newLow, _high.Length);
            _high = highCounts;
        }
        _offset = newLow;
        _low = lowCounts;
    }
}
