using System.Runtime.CompilerServices;

namespace FunnelSim.Engine;

/// <summary>
/// Counts per integer index over a dense window that grows (geometrically, so rarely) to cover the indices seen: the
/// store of every histogram in the engine — an <see cref="ExactHistogram"/>'s values and each sign of a
/// <see cref="LogBucketSketch"/>'s buckets.
/// </summary>
/// <remarks>
/// A count is split: a low byte per index, and the high part (<c>count = high · 256 + low</c>) in pages of
/// <see cref="PageSize"/> indices, a page allocated only when one of its counts first reaches 256. A run adds every cell
/// to its histogram or sketch once per iteration, at an index that jumps around, so one byte per index is what keeps
/// them in cache; and a wide, thin histogram (a national incidence spans ~10⁵ values) or a sketch with a few busy
/// buckets pays for high parts only where counts are high, which is what bounds memory (docs/reliability.md).
/// </remarks>
internal sealed class BucketCounts
{
    /// <summary>Indices per page of high parts.</summary>
    public const int PageSize = 256;
    private const int PageShift = 8;
    private const int InitialWidth = 64;

    private long _offset;
    private byte[] _low = [];
    private int[]?[]? _pages;

    /// <summary>Values counted (summed over the window: for the end of a run, not the hot loop).</summary>
    public long Count
    {
        get
        {
            long count = 0;
            for (int i = 0; i < _low.Length; i++) count += CountAtPosition(i);
            return count;
        }
    }

    /// <summary>Lowest index covered (valid when <see cref="Width"/> &gt; 0).</summary>
    public long Offset => _offset;

    /// <summary>Indices covered.</summary>
    public int Width => _low.Length;

    /// <summary>The low bytes, position = index − <see cref="Offset"/> (for a caller's own hot loop, with <see cref="Carry"/>).</summary>
    internal byte[] Low => _low;

    /// <summary>How many values have index <paramref name="index"/> (0 outside the window).</summary>
    public long CountAt(long index)
    {
        long position = index - _offset;
        return (ulong)position < (ulong)_low.Length ? CountAtPosition((int)position) : 0;
    }

    /// <summary>Counts one value at <paramref name="index"/>, growing the window when needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long index)
    {
        long position = index - _offset;
        if ((ulong)position >= (ulong)_low.Length)
        {
            CoverIndex(index);
            position = index - _offset;
        }
        if (++_low[position] == 0) Carry((int)position);
    }

    /// <summary>Adds <paramref name="count"/> to index <paramref name="index"/> (restoring saved counts, merging).</summary>
    public void Add(long index, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        CoverIndex(index);
        int position = (int)(index - _offset);
        long total = CountAtPosition(position) + count;
        _low[position] = (byte)total;
        SetHigh(position, checked((int)(total >> 8)));
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Merge(BucketCounts other)
    {
        if (other._low.Length == 0) return;
        for (int i = 0; i < other._low.Length; i++)
        {
            long count = other.CountAtPosition(i);
            if (count != 0) Add(other._offset + i, count);
        }
    }

    /// <summary>A low byte wrapped to 0: one more in the high part of <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void Carry(int position)
    {
        _pages ??= new int[]?[(_low.Length + PageSize - 1) >> PageShift];
        (_pages[position >> PageShift] ??= new int[PageSize])[position & (PageSize - 1)]++;
    }

    /// <summary>
    /// Makes the window cover [<paramref name="low"/>, <paramref name="high"/>], keeping the counts held in
    /// [<paramref name="usedLow"/>, <paramref name="usedHigh"/>] (all of them must lie there; empty when usedLow &gt; usedHigh)
    /// and growing geometrically, at most to <paramref name="maxWidth"/> indices (which must hold [low, high]).
    /// </summary>
    public void Cover(long low, long high, long usedLow, long usedHigh, long maxWidth)
    {
        if (_low.Length > 0 && low >= _offset && high <= _offset + _low.Length - 1) return;
        long needed = high - low + 1;
        long width = Math.Min(maxWidth, Math.Max(needed, Math.Max(InitialWidth, 2L * _low.Length)));
        long slack = width - needed;
        long newOffset = _low.Length == 0 ? low - slack / 2 // the first cover centres the indices
            : low < _offset ? low - slack : low;            // later ones leave room on the side that grew
        var lowCounts = new byte[width];
        int[]?[]? pages = null;
        for (long index = Math.Max(usedLow, _offset); index <= Math.Min(usedHigh, _offset + _low.Length - 1); index++)
        {
            int from = (int)(index - _offset), to = (int)(index - newOffset);
            lowCounts[to] = _low[from];
            int high8 = HighAt(from);
            if (high8 == 0) continue;
            pages ??= new int[]?[(width + PageSize - 1) >> PageShift];
            (pages[to >> PageShift] ??= new int[PageSize])[to & (PageSize - 1)] = high8;
        }
        _offset = newOffset;
        _low = lowCounts;
        _pages = pages;
    }

    private void CoverIndex(long index)
    {
        if (_low.Length == 0)
        {
            Cover(index, index, 0, -1, int.MaxValue);
            return;
        }
        long currentHigh = _offset + _low.Length - 1;
        Cover(Math.Min(index, _offset), Math.Max(index, currentHigh), _offset, currentHigh, Array.MaxLength);
    }

    private long CountAtPosition(int position) => ((long)HighAt(position) << 8) + _low[position];

    private int HighAt(int position) => _pages?[position >> PageShift]?[position & (PageSize - 1)] ?? 0;

    private void SetHigh(int position, int high)
    {
        if (high == 0 && _pages?[position >> PageShift] is null) return;
        _pages ??= new int[]?[(_low.Length + PageSize - 1) >> PageShift];
        (_pages[position >> PageShift] ??= new int[PageSize])[position & (PageSize - 1)] = high;
    }
}
