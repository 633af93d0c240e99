namespace FunnelSim.Engine;

/// <summary>
/// Counts per integer bucket index over a dense range that grows (geometrically, so rarely) to cover the indices
/// seen. Used by <see cref="LogBucketSketch"/> for each sign.
/// </summary>
/// <remarks>
/// As in <see cref="ExactHistogram"/>, a count is a low byte plus a high part (<c>count = high · 256 + low</c>)
/// allocated only when some bucket first reaches 256: a run adds every money cell to its sketch once per iteration,
/// at a bucket that jumps around, so one byte per bucket is what keeps the sketches in cache.
/// </remarks>
internal sealed class BucketCounts
{
    private const int InitialWidth = 64;
    private int _offset;
    private byte[] _low = [];
    private int[]? _high;

    /// <summary>Values counted (summed over the buckets: the hot loop does not keep a running count).</summary>
    public long Count
    {
        get
        {
            long count = 0;
            for (int i = 0; i < _low.Length; i++) count += CountAt(_offset + i);
            return count;
        }
    }

    /// <summary>Lowest index covered (valid when <see cref="Width"/> &gt; 0).</summary>
    public int Offset => _offset;

    public int Width => _low.Length;

    public long CountAt(int index)
    {
        int position = index - _offset;
        return _high is null ? _low[position] : ((long)_high[position] << 8) + _low[position];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int index)
    {
        int position = index - _offset;
        if ((uint)position >= (uint)_low.Length)
        {
            Cover(index, index);
            position = index - _offset;
        }
        if (++_low[position] == 0) (_high ??= new int[_low.Length])[position]++;
    }

    /// <summary>Adds <paramref name="count"/> to bucket <paramref name="index"/> (restoring saved counts).</summary>
    public void Add(int index, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        Cover(index, index);
        int position = index - _offset;
        long total = CountAt(index) + count;
        _low[position] = (byte)total;
        if (total >> 8 != 0) (_high ??= new int[_low.Length])[position] = checked((int)(total >> 8));
    }

    public void Merge(BucketCounts other)
    {
        if (other._low.Length == 0) return;
        Cover(other._offset, other._offset + other._low.Length - 1);
        for (int i = 0; i < other._low.Length; i++)
        {
            long add = other.CountAt(other._offset + i);
            if (add == 0) continue;
            int position = other._offset + i - _offset;
            long total = CountAt(other._offset + i) + add;
            _low[position] = (byte)total;
            if (total >> 8 != 0) (_high ??= new int[_low.Length])[position] = checked((int)(total >> 8));
        }
    }

    private void Cover(int low, int high)
    {
        if (_low.Length == 0)
        {
            int width = Math.Max(InitialWidth, high - low + 1);
            _offset = low - (width - (high - low + 1)) / 2;
            _low = new byte[width];
            return;
        }
        int currentHigh = _offset + _low.Length - 1;
        if (low >= _offset && high <= currentHigh) return;
        int newLow = Math.Min(low, _offset), newHigh = Math.Max(high, currentHigh);
        // Grow geometrically so a wide distribution costs O(log range) reallocations.
        int grow = Math.Max(newHigh - newLow + 1, 2 * _low.Length);
        int slack = grow - (newHigh - newLow + 1);
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
