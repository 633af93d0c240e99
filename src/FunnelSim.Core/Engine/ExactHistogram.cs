namespace FunnelSim.Engine;

/// <summary>
/// Exact counts of integer values over a contiguous range that grows as needed. Adding and merging are exact and
/// order-independent, so percentiles do not depend on how iterations were split across threads or shards.
/// Memory is proportional to the range of values seen (e.g. ±5 standard deviations), not to the number of values.
/// </summary>
internal sealed class ExactHistogram
{
    private const int InitialWidth = 64;
    private long _offset;
    private long[] _counts = [];

    public long Count { get; private set; }

    /// <summary>Smallest value the counts cover.</summary>
    public long Offset => _offset;

    public ReadOnlySpan<long> Counts => _counts;

    public void Add(long value)
    {
        long index = value - _offset;
        if ((ulong)index >= (ulong)_counts.Length)
        {
            Cover(value, value);
            index = value - _offset;
        }
        _counts[index]++;
        Count++;
    }

    public void Merge(ExactHistogram other)
    {
        if (other.Count == 0) return;
        var (low, high) = other.Range();
        Cover(low, high);
        long shift = other._offset - _offset;
        for (int i = 0; i < other._counts.Length; i++)
            if (other._counts[i] != 0) _counts[shift + i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>Smallest and largest value added.</summary>
    public (long Min, long Max) Range()
    {
        int first = Array.FindIndex(_counts, c => c != 0);
        int last = Array.FindLastIndex(_counts, c => c != 0);
        return first < 0 ? (0, -1) : (_offset + first, _offset + last);
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
        long cumulative = 0; // values with index < i
        int bin = 0;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (Count - 1) * probabilities[q];
            long lowRank = (long)Math.Floor(h);
            long highRank = Math.Min(lowRank + 1, Count - 1);
            while (cumulative + _counts[bin] <= lowRank) cumulative += _counts[bin++];
            long lowValue = _offset + bin;
            long highValue = lowValue;
            if (highRank >= cumulative + _counts[bin])
            {
                int next = bin + 1;
                while (_counts[next] == 0) next++;
                highValue = _offset + next;
            }
            result[q] = lowValue + (h - lowRank) * (highValue - lowValue);
        }
        return result;
    }

    private void Cover(long low, long high)
    {
        if (_counts.Length == 0)
        {
            long width = Math.Max(InitialWidth, high - low + 1);
            _offset = low - width / 2 + (high - low) / 2;
            _counts = new long[width];
            return;
        }
        long currentHigh = _offset + _counts.Length - 1;
        if (low >= _offset && high <= currentHigh) return;
        long newLow = Math.Min(low, _offset);
        long newHigh = Math.Max(high, currentHigh);
        // Grow geometrically so a drifting metric costs O(log range) reallocations.
        long grow = Math.Max(newHigh - newLow + 1, 2L * _counts.Length);
        long slack = grow - (newHigh - newLow + 1);
        if (low < _offset) newLow -= slack; else newHigh += slack;
        var counts = new long[newHigh - newLow + 1];
        Array.Copy(_counts, 0, counts, _offset - newLow, _counts.Length);
        _offset = newLow;
        _counts = counts;
    }
}
