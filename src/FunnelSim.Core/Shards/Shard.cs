using System.Globalization;

namespace FunnelSim.Shards;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> of a run of <c>total</c> iterations: the global iterations
/// <c>[⌊total·K/N⌋, ⌊total·(K+1)/N⌋)</c>. K is 0-based, so a Kubernetes completion index or a Slurm array index maps
/// directly. Every iteration draws from its own streams keyed by its global index (and Latin hypercube strata are laid
/// out over the whole run), so a shard needs nothing but its range.
/// </summary>
/// <param name="Index">K, from 0 to N − 1.</param>
/// <param name="Count">N, from 1 to <see cref="MaxCount"/>.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Most shards a run may be split into.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The whole run as one shard.</summary>
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>First global iteration of this shard: ⌊total·K/N⌋.</summary>
    public long First(long total) => (long)((Int128)total * Index / Count);

    /// <summary>One past the last global iteration of this shard: ⌊total·(K+1)/N⌋.</summary>
    public long End(long total) => (long)((Int128)total * (Index + 1) / Count);

    /// <summary>Iterations of this shard.</summary>
    public long Iterations(long total) => End(total) - First(total);

    /// <summary>Written as <c>K/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>K/N</c> (0 ≤ K &lt; N ≤ <see cref="MaxCount"/>); on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out Shard? shard, out string error)
    {
        shard = null;
        error = "";
        string[] parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            error = $"expected K/N with whole numbers, e.g. 0/4 for the first of four shards; got '{text}'";
            return false;
        }
        if (count < 1 || count > MaxCount)
        {
            error = $"N must be from 1 to {MaxCount.ToString("N0", CultureInfo.InvariantCulture)}; got {count}";
            return false;
        }
        if (index >= count)
        {
            error = $"K must be from 0 to N − 1 = {count - 1} (shards are numbered from 0); got {index}";
            return false;
        }
        shard = new Shard(index, count);
        return true;
    }
}
