using System.Runtime.CompilerServices;

namespace FunnelSim.Engine;

/// <summary>
/// A 128-bit sum kept as two 64-bit words with a carry, for the accumulators' hot loops (a local of this type stays in
/// registers); <see cref="AddTo"/> adds it to a cell's <see cref="Int128"/>, whose little-endian layout is (low, high).
/// </summary>
internal struct Sum128
{
    public ulong Low;
    public ulong High;

    /// <summary>Adds a signed value (sign-extended to 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long value)
    {
        ulong before = Low;
        Low += (ulong)value;
        High += (ulong)(value >> 63) + (Low < before ? 1UL : 0UL);
    }

    /// <summary>Adds value², one 64 × 64 → 128-bit multiply (|long.MinValue| = 2^63 is still right as a ulong).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddSquare(long value)
    {
        ulong magnitude = value < 0 ? (ulong)-value : (ulong)value;
        ulong high = Math.BigMul(magnitude, magnitude, out ulong low);
        ulong before = Low;
        Low += low;
        High += high + (Low < before ? 1UL : 0UL);
    }

    /// <summary>Adds this sum to <paramref name="total"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void AddTo(ref Int128 total) => total += new Int128(High, Low);
}
