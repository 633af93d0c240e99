using System.Numerics;
using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018), a small, fast generator held by value.
/// Each iteration and each parameter or step gets its own stream, seeded through SplitMix64 from
/// <c>(seed, iteration, key)</c>: results then do not depend on the order in which iterations run, and two
/// scenarios differing in one input share every other stream (common random numbers).
/// </summary>
public struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for one <paramref name="key"/> (see <see cref="StreamKey"/>) in one iteration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rng ForStream(ulong seed, long iteration, ulong key) => ForKey(IterationSeed(seed, iteration), key);

    /// <summary>
    /// The part of a stream's seed that depends on (<paramref name="seed"/>, <paramref name="iteration"/>) only: an iteration
    /// that opens many streams mixes it once and opens each with <see cref="ForKey"/>
    /// (<c>ForKey(IterationSeed(s, k), key)</c> is <c>ForStream(s, k, key)</c>, bit for bit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong IterationSeed(ulong seed, long iteration)
    {
        ulong x = SplitMix64.Mix(seed ^ 0x6A09E667F3BCC909UL);
        return SplitMix64.Mix(x ^ (ulong)iteration * 0x9E3779B97F4A7C15UL);
    }

    /// <summary>The stream for one <paramref name="key"/> of the iteration whose <see cref="IterationSeed"/> is <paramref name="iterationSeed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rng ForKey(ulong iterationSeed, ulong key)
    {
        ulong x = iterationSeed ^ key;
        Rng rng;
        rng._s0 = SplitMix64.Next(ref x);
        rng._s1 = SplitMix64.Next(ref x);
        rng._s2 = SplitMix64.Next(ref x);
        rng._s3 = SplitMix64.Next(ref x);
        return rng;
    }

    /// <summary>A stream from a single 64-bit seed (tests and tools).</summary>
    public static Rng FromSeed(ulong seed) => ForStream(seed, 0, 0);

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on the open interval (0, 1): safe for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A standard normal variate (ziggurat method; see <see cref="ZigguratNormal"/>).</summary>
    public double NextStandardNormal() => ZigguratNormal.Sample(ref this);
}
