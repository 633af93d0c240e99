namespace FunnelSim.Engine;

/// <summary>
/// The distribution of one count cell over iterations: an <see cref="ExactHistogram"/> while the values span at most
/// <see cref="MaxExactWidth"/> integers (max − min + 1), then a <see cref="LogBucketSketch"/> (percentiles within
/// <see cref="LogBucketSketch.RelativeAccuracy"/>) with the exact minimum and maximum. Memory is then bounded by the
/// bound, or by the logarithm of the range, never by the range itself (issue 12, item 1).
/// </summary>
/// <remarks>
/// Which of the two a cell ends in depends only on the multiset of its values, never on how they were split across
/// threads or shards: the range only grows when values are added or merged, so a part beyond the bound means the whole
/// is beyond it; parts within it merge exactly and switch when the merged range passes the bound; and the sketch made
/// from exact counts is the sketch of adding the same values directly, because a value's bucket is one function
/// (<see cref="LogBucketSketch.Buckets"/>) on every path.
/// </remarks>
internal sealed class CountDistribution
{
    private readonly long _maxExactWidth;
    private ExactHistogram? _exact;
    private LogBucketSketch? _sketch;
    private long _min = long.MaxValue, _max = long.MinValue; // of the sketch's values

    public CountDistribution(long maxExactWidth)
    {
        _maxExactWidth = maxExactWidth;
        _exact = new ExactHistogram(maxExactWidth);
    }

    /// <summary>Largest range of values (max − min + 1) kept exactly.</summary>
    public long MaxExactWidth => _maxExactWidth;

    /// <summary>True once the values span more than <see cref="MaxExactWidth"/> integers: percentiles come from a sketch.</summary>
    public bool IsApproximate => _sketch is not null;

    /// <summary>The exact counts; null when <see cref="IsApproximate"/>.</summary>
    public ExactHistogram? Exact => _exact;

    /// <summary>The sketch; null unless <see cref="IsApproximate"/>.</summary>
    public LogBucketSketch? Sketch => _sketch;

    public long Count => _exact?.Count ?? _sketch!.Count;

    /// <summary>Bins or buckets held (the memory used, in bytes, is one to five times this).</summary>
    public long Width => _exact?.Width ?? _sketch!.Positive.Width + (long)_sketch.Negative.Width;

    /// <summary>Smallest and largest value added (exact in both forms); (0, −1) when empty.</summary>
    public (long Min, long Max) Range() => _exact?.Range() ?? (_min, _max);

    /// <summary>Type 7 quantiles: exact, or from the sketch within its relative accuracy (see <see cref="LogBucketSketch.Quantiles"/>).</summary>
    public double[] Quantiles(ReadOnlySpan<double> probabilities) =>
        _exact?.Quantiles(probabilities) ?? _sketch!.Quantiles(probabilities, _min, _max);

    /// <summary>Adds <paramref name="values"/> (at most <see cref="LogBucketSketch.MaxBatch"/>).</summary>
    public void Add(ReadOnlySpan<long> values, BucketScratch scratch)
    {
        if (_exact is { } exact)
        {
            if (exact.Add(values)) return;
            ToSketch(scratch);
        }
        foreach (long value in values)
        {
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
        }
        _sketch!.Add(values, [], scratch);
    }

    public void Merge(CountDistribution other, BucketScratch scratch)
    {
        if (other._maxExactWidth != _maxExactWidth) throw new ArgumentException("distributions with different bounds", nameof(other));
        if (other.Count == 0) return;
        if (_exact is { } exact && other._exact is { } theirs)
        {
            if (exact.CanMerge(theirs))
            {
                exact.Merge(theirs);
                return;
            }
        }
        if (_exact is not null) ToSketch(scratch);
        if (other._exact is { } exactOther)
        {
            AddExact(exactOther, scratch);
            return;
        }
        _sketch!.Merge(other._sketch!);
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>
    /// A distribution in sketch form, restored from a saved state (a shard's partial file): the sketch and the exact range
    /// of its values. Refused when that range fits the bound, since such values are always kept exactly.
    /// </summary>
    public static CountDistribution RestoreSketch(long maxExactWidth, LogBucketSketch sketch, long min, long max)
    {
        long width = unchecked(max - min + 1);
        if (sketch.Count == 0 || min > max || width > 0 && width <= maxExactWidth)
            throw new ArgumentException($"a sketch for values from {min:D} to {max:D}, which are kept exactly");
        return new CountDistribution(maxExactWidth) { _exact = null, _sketch = sketch, _min = min, _max = max };
    }

    /// <summary>Switches to the sketch, moving the exact counts into it.</summary>
    private void ToSketch(BucketScratch scratch)
    {
        var exact = _exact!;
        _exact = null;
        _sketch = new LogBucketSketch();
        AddExact(exact, scratch);
    }

    /// <summary>Adds the values of <paramref name="exact"/> to the sketch, in batches through the one bucket function.</summary>
    private void AddExact(ExactHistogram exact, BucketScratch scratch)
    {
        if (exact.Count == 0) return;
        var (min, max) = exact.Range();
        _min = Math.Min(_min, min);
        _max = Math.Max(_max, max);
        Span<long> values = stackalloc long[LogBucketSketch.MaxBatch];
        Span<long> counts = stackalloc long[LogBucketSketch.MaxBatch];
        int n = 0;
        foreach (var (value, count) in exact.Bins())
        {
            values[n] = value;
            counts[n++] = count;
            if (n < values.Length) continue;
            _sketch!.Add(values, counts, scratch);
            n = 0;
        }
        if (n > 0) _sketch!.Add(values[..n], counts[..n], scratch);
    }
}
