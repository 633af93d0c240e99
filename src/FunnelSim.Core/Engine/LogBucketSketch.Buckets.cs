using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FunnelSim.Engine;

// The bucket of a value, computed in one way only, so adding values one batch at a time, converting exact counts and
// merging all give the same bucket counts for the same values.
internal sealed partial class LogBucketSketch
{
    /// <summary>Values a <see cref="BucketScratch"/> holds at once.</summary>
    public const int MaxBatch = 64;

    /// <summary>
    /// The bucket of each value, <c>⌈ln|value| · (1/ln γ)⌉</c>, into the scratch's <see cref="BucketScratch.Buckets"/> (at most
    /// <see cref="MaxBatch"/> values), four at a time and always on the vector path, so a value's bucket never depends on
    /// its position; 0 for a zero or <see cref="MoneyAccumulators.Undefined"/> value, which gets no bucket.
    /// </summary>
    public static void Buckets(ReadOnlySpan<long> values, BucketScratch scratch)
    {
        var logs = scratch.Logs.AsSpan();
        int padded = (values.Length + 3) & ~3;
        int k = 0;
        if (Avx512DQ.VL.IsSupported)
        {
            // |value| as a double, 1 for 0 and Undefined: vcvtqq2pd rounds to nearest as the scalar conversion does.
            var undefined = Vector256.Create(MoneyAccumulators.Undefined);
            for (; k + 4 <= values.Length; k += 4)
            {
                var v = Vector256.Create(values.Slice(k, 4));
                var none = Vector256.Equals(v, Vector256<long>.Zero) | Vector256.Equals(v, undefined);
                var magnitude = Vector256.Abs(Vector256.ConvertToDouble(v));
                Vector256.ConditionalSelect(none.AsDouble(), Vector256<double>.One, magnitude).CopyTo(logs.Slice(k, 4));
            }
        }
        for (; k < values.Length; k++)
        {
            long v = values[k];
            logs[k] = v == 0 || v == MoneyAccumulators.Undefined ? 1 : Math.Abs((double)v);
        }
        logs[values.Length..padded].Fill(1);
        var scale = Vector256.Create(InverseLogGamma);
        var buckets = scratch.Buckets.AsSpan();
        for (k = 0; k < padded; k += 4)
        {
            // ln|value| ≤ ln 2^63, so the bucket (≤ 21,900) converts to an int exactly.
            var index = Vector256.Ceiling(Vector256.Log(Vector256.Create(logs.Slice(k, 4))) * scale);
            if (Avx.IsSupported)
            {
                Avx.ConvertToVector128Int32WithTruncation(index).CopyTo(buckets.Slice(k, 4));
            }
            else
            {
                for (int j = 0; j < 4; j++) buckets[k + j] = (int)index.GetElement(j);
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="values"/> (at most <see cref="MaxBatch"/>, none <see cref="MoneyAccumulators.Undefined"/>), each
    /// <paramref name="counts"/>[k] times (once each when <paramref name="counts"/> is empty).
    /// </summary>
    public void Add(ReadOnlySpan<long> values, ReadOnlySpan<long> counts, BucketScratch scratch)
    {
        Buckets(values, scratch);
        var buckets = scratch.Buckets.AsSpan(0, values.Length);
        for (int k = 0; k < values.Length; k++)
        {
            long value = values[k];
            long count = counts.IsEmpty ? 1 : counts[k];
            if (value == 0) Zeros += count;
            else if (count == 1) (value > 0 ? _positive : _negative).Add(buckets[k]);
            else (value > 0 ? _positive : _negative).Add(buckets[k], count);
        }
    }
}

/// <summary>Scratch arrays for <see cref="LogBucketSketch.Buckets"/>: one per worker, reused for every batch.</summary>
internal sealed class BucketScratch
{
    /// <summary>|value| per value, then padded to a multiple of four.</summary>
    public double[] Logs { get; } = new double[LogBucketSketch.MaxBatch];

    /// <summary>The bucket of each value.</summary>
    public int[] Buckets { get; } = new int[LogBucketSketch.MaxBatch];
}
