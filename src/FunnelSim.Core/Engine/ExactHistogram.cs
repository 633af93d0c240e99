namespace FunnelSim.Engine;

/// <summary>
/// Exact counts of integer values over a contiguous range that grows as needed. Adding and merging are exact and
/// order-independent, so percentiles do not depend on how iterations were split across threads or shards.
/// Memory is proportional to the range of values seen (e.g. ±5 standard deviations), not to the number of values;
/// <see cref="MaxWidth"/> bounds it: values whose range (max − min + 1) would exceed it are refused, and the owner
/// (<see cref="CountDistribution"/>) switches to a sketch.
/// </summary>
/// <remarks>
/// The counts live in a <see cref="BucketCounts"/> (a byte per value, high parts in pages where counts pass 255): the hot
/// loop touches only the byte array, except once every 256 hits of a bin. Wide metrics (a national incidence spans ~10⁵
/// values, each hit a few times) then cost one byte per value in memory and in cache, which is what bounds the speed of
/// adding an iteration and of starting a short run.
/// </remarks>
internal sealed class ExactHistogram
{
    private readonly long _maxWidth;
    private readonly BucketCounts _counts = new();
    private long _min = long.MaxValue, _max = long.MinValue;

    /// <param name="maxWidth">Largest range of values (max − min + 1) held; wider values are refused.</param>
    public ExactHistogram(long maxWidth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        _maxWidth = Math.Min(maxWidth, Array.MaxLength);
    }

    public long Count { get; private set; }

    /// <summary>Largest range of values (max − min + 1) this histogram holds.</summary>
    public long MaxWidth => _maxWidth;

    /// <summary>Number of bins covered (one byte each, five where a bin's page has passed 255).</summary>
    public int Width => _counts.Width;

    /// <summary>Adds <paramref name="value"/>; throws when the range would exceed <see cref="MaxWidth"/>.</summary>
    public void Add(long value)
    {
        if (!Add([value])) throw new ArgumentOutOfRangeException(nameof(value), $"the range would exceed {_maxWidth:D} values");
    }

    /// <summary>
    /// Adds every value of <paramref name="values"/> (the same counts as adding them one by one) and returns true; or, when
    /// the range of all values would then exceed <see cref="MaxWidth"/>, adds none of them and returns false.
    /// </summary>
    public bool Add(ReadOnlySpan<long> values)
    {
        if (values.IsEmpty) return true;
        long min = _min, max = _max;
        foreach (long value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        if (!Cover(min, max)) return false;
        var counts = _counts;
        byte[] low = counts.Low;
        long offset = counts.Offset;
        foreach (long value in values)
        {
            long position = value - offset;
            if (++low[position] == 0) counts.Carry((int)position);
        }
        Count += values.Length;
        return true;
    }

    /// <summary>Adds <paramref name="count"/> values equal to <paramref name="value"/> (restoring a saved histogram).</summary>
    /// <exception cref="ArgumentException">The range would exceed <see cref="MaxWidth"/>.</exception>
    public void Add(long value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        if (!Cover(Math.Min(_min, value), Math.Max(_max, value)))
            throw new ArgumentException($"the values would span more than {_maxWidth:D} integers", nameof(value));
        _counts.Add(value, count);
        Count += count;
    }

    /// <summary>How many values equal <paramref name="value"/>.</summary>
    public long CountOf(long value) => _counts.CountAt(value);

    /// <summary>True when merging <paramref name="other"/> keeps the range within <see cref="MaxWidth"/>.</summary>
    public bool CanMerge(ExactHistogram other) =>
        other.Count == 0 || Fits(Math.Min(_min, other._min), Math.Max(_max, other._max));

    /// <summary>Adds the counts of <paramref name="other"/>; throws when the range would exceed <see cref="MaxWidth"/>.</summary>
    public void Merge(ExactHistogram other)
    {
        if (other.Count == 0) return;
        if (!Cover(Math.Min(_min, other._min), Math.Max(_max, other._max)))
            throw new ArgumentException($"the merged values would span more than {_maxWidth:D} integers", nameof(other));
        foreach (var (value, count) in other.Bins()) _counts.Add(value, count);
        Count += other.Count;
    }

    /// <summary>Smallest and largest value added; (0, −1) when empty.</summary>
    public (long Min, long Max) Range() => Count == 0 ? (0, -1) : (_min, _max);

    /// <summary>Every value held with its count (non-zero), ascending.</summary>
    public IEnumerable<(long Value, long Count)> Bins()
    {
        if (Count == 0) yield break;
        for (long value = _min; value <= _max; value++)
        {
            long count = _counts.CountAt(value);
            if (count != 0) yield return (value, count);
        }
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
        long cumulative = 0; // values below `value`
        long value = _min;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (Count - 1) * probabilities[q];
            long lowRank = (long)Math.Floor(h);
            long highRank = Math.Min(lowRank + 1, Count - 1);
            while (cumulative + _counts.CountAt(value) <= lowRank) cumulative += _counts.CountAt(value++);
            long lowValue = value;
            long highValue = lowValue;
            if (highRank >= cumulative + _counts.CountAt(value))
            {
                long next = value + 1;
                while (_counts.CountAt(next) == 0) next++;
                highValue = next;
            }
            result[q] = lowValue + (h - lowRank) * (highValue - lowValue);
        }
        return result;
    }

    /// <summary>True when values from <paramref name="min"/> to <paramref name="max"/> fit in <see cref="MaxWidth"/> bins.</summary>
    private bool Fits(long min, long max)
    {
        long needed = unchecked(max - min + 1); // wraps to ≤ 0 for ranges beyond 2^63
        return needed > 0 && needed <= _maxWidth;
    }

    /// <summary>
    /// Makes the bins cover [<paramref name="min"/>, <paramref name="max"/>], the range of every value held once the new
    /// ones are added, and records it; false (nothing changed) when it is wider than <see cref="MaxWidth"/>.
    /// </summary>
    private bool Cover(long min, long max)
    {
        if (!Fits(min, max)) return false;
        // Only [_min, _max] holds counts (nothing while empty: _min > _max).
        _counts.Cover(min, max, _min, _max, _maxWidth);
        _min = min;
        _max = max;
        return true;
    }
}
