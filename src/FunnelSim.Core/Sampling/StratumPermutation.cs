using System.Numerics;
using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>
/// A pseudo-random permutation of 0 … n − 1 computed one index at a time, in O(1) time and memory: a four-round
/// Feistel network on the smallest even number of bits that holds n − 1, keyed by a 64-bit key, restricted to the
/// first n values by cycle walking (a bijection on [0, 2^b) restricted this way stays a bijection on [0, n)).
/// Latin hypercube sampling uses it to give iteration k the stratum π(k) of each parameter without storing any
/// permutation, so memory stays flat and any iteration can be drawn on any thread.
/// </summary>
public static class StratumPermutation
{
    private const int Rounds = 4;

    /// <summary>π(<paramref name="index"/>) for the permutation of 0 … <paramref name="n"/> − 1 keyed by <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Of(long index, long n, ulong key)
    {
        if ((ulong)index >= (ulong)n) throw new ArgumentOutOfRangeException(nameof(index), $"must be in [0, {n})");
        if (n == 1) return 0;
        int bits = 64 - BitOperations.LeadingZeroCount((ulong)(n - 1));
        bits = Math.Max(2, bits + (bits & 1));
        int half = bits / 2;
        ulong mask = (1UL << half) - 1;
        ulong x = (ulong)index;
        do
        {
            ulong left = x >> half, right = x & mask;
            for (int round = 0; round < Rounds; round++)
            {
                ulong mixed = SplitMix64.Mix(right ^ key ^ ((ulong)(round + 1) * 0x9E3779B97F4A7C15UL)) & mask;
                (left, right) = (right, left ^ mixed);
            }
            x = (left << half) | right;
        }
        while (x >= (ulong)n);
        return (long)x;
    }
}
