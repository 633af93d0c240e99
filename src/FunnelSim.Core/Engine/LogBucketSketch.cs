namespace FunnelSim.Engine;

/// <summary>
/// A mergeable quantile sketch of whole-cent amounts with relative accuracy <see cref="RelativeAccuracy"/> (0.1%),
/// in the manner of DDSketch (Masson, Rim and Lee, VLDB 2019): a non-zero value x falls in bucket
/// <c>i = ⌈log_γ |x|⌉</c>, <c>γ = (1 + α)/(1 − α)</c>, of its sign's store, and a bucket stands for
/// <c>2γ^i/(γ + 1)</c>, which is within α of every value in <c>(γ^(i−1), γ^i]</c>. Zeros are counted exactly.
/// Buckets are integer counts, so adding and merging are exact and order-independent: quantiles do not depend on
/// how iterations were split across threads or shards. Memory grows with log(largest/smallest |x|) — about 1,150
/// buckets per factor of 10 — not with the number of values.
/// </summary>
internal sealed partial class LogBucketSketch
{
    /// <summary>α: every quantile estimate is within this relative error of a value of the data (before interpolation).</summary>
    public const double RelativeAccuracy = 0.001;

    /// <summary>γ = (1 + α)/(1 − α).</summary>
    public const double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);

    /// <summary>1 / ln γ: bucket index = ⌈ln|x| · InverseLogGamma⌉.</summary>
    public static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    private readonly BucketCounts _positive = new();
    private readonly BucketCounts _negative = new();

    public long Zeros { get; private set; }

    /// <summary>The bucket counts of positive values (for <see cref="MoneyAccumulators"/>' hot loop).</summary>
    internal BucketCounts Positive => _positive;

    /// <summary>The bucket counts of negative values, by the bucket of their magnitude.</summary>
    internal BucketCounts Negative => _negative;

    /// <summary>Counts <paramref name="count"/> zeros.</summary>
    internal void AddZeros(long count) => Zeros += count;

    /// <summary>Values added (summed over the buckets; for the end of a run, not the hot loop).</summary>
    public long Count => Zeros + _positive.Count + _negative.Count;

    /// <summary>Adds <paramref name="value"/> whose natural log of |value| is <paramref name="logMagnitude"/> (ignored for 0).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(long value, double logMagnitude)
    {
        if (value == 0)
        {
            Zeros++;
            return;
        }
        int index = (int)Math.Ceiling(logMagnitude * InverseLogGamma);
        (value > 0 ? _positive : _negative).Add(index);
    }

    public void Merge(LogBucketSketch other)
    {
        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
        Zeros += other.Zeros;
    }

    /// <summary>The value a bucket stands for (magnitude).</summary>
    public static double Representative(long index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    /// <summary>
    /// Quantiles, type 7 as <see cref="ExactHistogram.Quantiles"/>: h = (n − 1)p, interpolating between the estimates of
    /// order statistics ⌊h⌋ and ⌊h⌋ + 1, each clamped to the exact [<paramref name="min"/>, <paramref name="max"/>].
    /// Between two estimates of the same sign the result is within α of the exact quantile; across zero, within α of
    /// the larger of the two order statistics' magnitudes.
    /// </summary>
    public double[] Quantiles(ReadOnlySpan<double> probabilities, long min, long max)
    {
        var result = new double[probabilities.Length];
        long negatives = _negative.Count, positives = _positive.Count;
        long n = Zeros + negatives + positives;
        if (n == 0) return result;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (n - 1) * probabilities[q];
            long lowRank = (long)Math.Floor(h);
            long highRank = Math.Min(lowRank + 1, n - 1);
            double low = Math.Clamp(AtRank(lowRank, negatives), min, max);
            double high = highRank == lowRank ? low : Math.Clamp(AtRank(highRank, negatives), min, max);
            result[q] = low + (h - lowRank) * (high - low);
        }
        return result;
    }

    /// <summary>The estimate of the 0-based order statistic <paramref name="rank"/>.</summary>
    private double AtRank(long rank, long negatives)
    {
        // Ascending: negatives from the largest magnitude down, zeros, positives from the smallest magnitude up.
        if (rank < negatives)
        {
            long seen = 0;
            for (long i = _negative.Offset + _negative.Width - 1; ; i--)
            {
                seen += _negative.CountAt(i);
                if (seen > rank) return -Representative(i);
            }
        }
        rank -= negatives;
        if (rank < Zeros) return 0;
        rank -= Zeros;
        long below = 0;
        for (long i = _positive.Offset; ; i++)
        {
            below += _positive.CountAt(i);
            if (below > rank) return Representative(i);
        }
    }
}
