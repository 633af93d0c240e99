using System.Globalization;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Results;
using FunnelSim.Summaries;

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

        var first = ordered[0].Partial;
        if (first.EngineVersion != Simulator.EngineVersion)
            return Refused([$"the parts were written by engine version {first.EngineVersion}; this funnelsim runs {Simulator.EngineVersion}: " +
                            "merge with the version that ran the shards"]);

        var model = ModelCompiler.Compile(first.Scenario);
        var merged = RunState.Empty(model);
        foreach (var (name, partial) in ordered)
        {
            var state = partial.State;
            string? wrong = Shape(state, merged);
            if (wrong is not null) return Refused([$"{name}: {wrong}"]);
            merged.Cells.Merge(state.Cells);
            merged.Money?.Merge(state.Money!);
            merged.Exceedances?.Merge(state.Exceedances!);
        }

        var run = new RunInfo(first.Iterations, first.Seed, first.Sampling, first.EngineVersion,
            ordered.Max(p => p.Partial.Threads), ordered.Sum(p => p.Partial.ElapsedSeconds));
        return new MergeOutcome(ResultBuilder.Build(model, run, merged), first.Command, []);
    }

    /// <summary>Differences between the parts, a duplicated shard, and missing shards, each naming the files.</summary>
    private static List<string> Mismatches(List<NamedPartial> ordered)
    {
        var errors = new List<string>();
        var (reference, first) = ordered[0];
        foreach (var (name, partial) in ordered.Skip(1))
        {
            void Differs(string what, string mine, string theirs)
            {
                if (mine != theirs) errors.Add($"{name}: {what} {mine} differs from {reference}'s {theirs}");
            }
            Differs("scenario (SHA-256)", partial.ScenarioSha256, first.ScenarioSha256);
            Differs("seed", Text(partial.Seed), Text(first.Seed));
            Differs("total iterations", Text(partial.Iterations), Text(first.Iterations));
            Differs("sampling", partial.Sampling, first.Sampling);
            Differs("engine version", partial.EngineVersion, first.EngineVersion);
            Differs("shard count N", Text(partial.Shard.Count), Text(first.Shard.Count));
            Differs("command", partial.Command, first.Command);
        }
        if (errors.Count > 0) return errors;

        foreach (var group in ordered.GroupBy(p => p.Partial.Shard.Index).Where(g => g.Count() > 1))
            errors.Add($"shard {group.Key}/{first.Shard.Count} is given more than once: {string.Join(", ", group.Select(p => p.Name))}");
        var present = ordered.Select(p => p.Partial.Shard.Index).ToHashSet();
        var missing = Enumerable.Range(0, first.Shard.Count).Where(k => !present.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            string list = string.Join(", ", missing.Take(20).Select(k => $"{k}/{first.Shard.Count}"));
            if (missing.Count > 20) list += $" and {missing.Count - 20} more";
            errors.Add($"missing shard{(missing.Count == 1 ? "" : "s")} {list} (have {present.Count} of {first.Shard.Count})");
        }
        return errors;
    }

    /// <summary>Why a part's state cannot belong to this model; null when it fits.</summary>
    private static string? Shape(RunState state, RunState merged)
    {
        var cells = merged.Cells;
        if (state.Cells.CellCount != cells.CellCount) return $"{state.Cells.CellCount} cells, but the scenario has {cells.CellCount}";
        bool costs = merged.Money is not null;
        if ((state.Money is not null) != costs || (state.Exceedances is not null) != costs)
            return costs ? "no money state for a scenario with costs" : "money state for a scenario without costs";
        if (!costs) return null;
        if (state.Money!.CellCount != merged.Money!.CellCount) return "the money state does not fit the scenario's costs";
        if (state.Exceedances!.CellCount != merged.Exceedances!.CellCount) return "the threshold state does not fit the scenario";
        return null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static MergeOutcome Refused(IReadOnlyList<string> errors) => new(null, null, errors);
}
