using System.Globalization;

namespace FunnelSim.Shards;

/// <summary>
/// Merges the partials of every shard of a run into exactly the result the unsplit run gives: the same bits, because
/// every summary is an exact integer reduction of the iterations, whatever their split. Refuses an incomplete or
/// inconsistent set, naming the parts.
/// </summary>
public static class PartialMerge
{
    /// <summary>
    /// Checks and merges <paramref name="parts"/> (any order: they are ordered by the K each records). The result's
    /// <c>run.threads</c> is the most threads any shard used and <c>run.elapsedSeconds</c> the sum of the shards' times.
    /// </summary>
    public static MergeOutcome Merge(IReadOnlyList<NamedPartial> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) return Refused(["no parts to merge"]);
        var ordered = parts.OrderBy(p => p.Partial.Shard.Index).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var errors = Mismatches(ordered);
        if (errors.Count > 0) return Refused(errors);

        var merger = new PartialMerger();
        foreach (var part in ordered)
        {
            var refused = merger.Add(part);
            if (refused.Count > 0) return Refused(refused);
        }
        return merger.Complete();
    }

    /// <summary>Differences between the parts, a duplicated shard, and missing shards, each naming the files.</summary>
    private static List<string> Mismatches(List<NamedPartial> ordered)
    {
        var errors = new List<string>();
        foreach (var part in ordered.Skip(1)) errors.AddRange(Differences(ordered[0], part));
        if (errors.Count > 0) return errors;

        foreach (var group in ordered.GroupBy(p => p.Partial.Shard.Index).Where(g => g.Count() > 1))
            errors.Add($"shard {group.Key}/{ordered[0].Partial.Shard.Count} is given more than once: {string.Join(", ", group.Select(p => p.Name))}");
        var present = ordered.Select(p => p.Partial.Shard.Index).ToHashSet();
        int count = ordered[0].Partial.Shard.Count;
        var missing = Enumerable.Range(0, count).Where(k => !present.Contains(k)).ToList();
        if (missing.Count > 0) errors.Add(MissingShards(missing, count, present.Count));
        return errors;
    }

    /// <summary>How <paramref name="part"/> disagrees with <paramref name="reference"/> on what every part of a run shares.</summary>
    internal static List<string> Differences(NamedPartial reference, NamedPartial part)
    {
        var errors = new List<string>();
        var (name, partial) = part;
        var first = reference.Partial;
        void Differs(string what, string mine, string theirs)
        {
            if (mine != theirs) errors.Add($"{name}: {what} {mine} differs from {reference.Name}'s {theirs}");
        }
        Differs("scenario (SHA-256)", partial.ScenarioSha256, first.ScenarioSha256);
        Differs("seed", Text(partial.Seed), Text(first.Seed));
        Differs("total iterations", Text(partial.Iterations), Text(first.Iterations));
        Differs("sampling", partial.Sampling, first.Sampling);
        Differs("engine version", partial.EngineVersion, first.EngineVersion);
        Differs("shard count N", Text(partial.Shard.Count), Text(first.Shard.Count));
        Differs("command", partial.Command, first.Command);
        return errors;
    }

    /// <summary>The message for shards missing from a set of <paramref name="present"/> parts of <paramref name="count"/>.</summary>
    internal static string MissingShards(IReadOnlyList<int> missing, int count, int present)
    {
        string list = string.Join(", ", missing.Take(20).Select(k => $"{k}/{count}"));
        if (missing.Count > 20) list += $" and {missing.Count - 20} more";
        return $"missing shard{(missing.Count == 1 ? "" : "s")} {list} (have {present} of {count})";
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static MergeOutcome Refused(IReadOnlyList<string> errors) => new(null, null, errors);
}
