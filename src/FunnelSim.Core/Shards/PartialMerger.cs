using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Shards;

/// <summary>
/// Merges the partials of one run as they arrive, in shard order: a part is merged as soon as every shard before it has
/// been, so a coordinator holds only the parts that came early, never the whole run's. The first part added is the
/// reference every other must agree with (scenario, seed, totals, sampling, engine version, N, command).
/// </summary>
public sealed class PartialMerger
{
    private readonly SortedDictionary<int, NamedPartial> _early = [];
    private readonly HashSet<int> _seen = [];
    private NamedPartial? _reference;
    private RunState? _merged;
    private CompiledModel? _model;
    private int _next, _threads;
    private double _elapsed;

    /// <summary>Shards merged so far (a prefix 0 … <c>Merged − 1</c>).</summary>
    public int Merged => _next;

    /// <summary>
    /// Adds a part; merges it (and any early parts it unblocks) when its turn has come. Returns why the part does not
    /// belong to this run (it is then left out), or an empty list.
    /// </summary>
    public IReadOnlyList<string> Add(NamedPartial part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var (name, partial) = part;
        if (_reference is null)
        {
            if (partial.EngineVersion != Simulator.EngineVersion)
                return [$"{name} was written by engine version {partial.EngineVersion}; this funnelsim runs {Simulator.EngineVersion}: " +
                        "merge with the version that ran the shards"];
            _model = ModelCompiler.Compile(partial.Scenario);
            _merged = RunState.Empty(_model);
            _reference = part;
        }
        else
        {
            var differences = PartialMerge.Differences(_reference, part);
            if (differences.Count > 0) return differences;
        }
        if (!_seen.Add(partial.Shard.Index))
            return [$"shard {partial.Shard} is given more than once: {name}"];
        if (Shape(partial.State) is { } wrong)
        {
            _seen.Remove(partial.Shard.Index);
            return [$"{name}: {wrong}"];
        }
        _early.Add(partial.Shard.Index, part);
        while (_early.Remove(_next, out var due))
        {
            Accumulate(due.Partial);
            _next++;
        }
        return [];
    }

    /// <summary>The shards (K) not yet added.</summary>
    public IReadOnlyList<int> Missing =>
        _reference is null ? [] : [.. Enumerable.Range(0, _reference.Partial.Shard.Count).Where(k => !_seen.Contains(k))];

    /// <summary>
    /// The result of the whole run, once every shard is in; otherwise refused, naming the missing shards. Its
    /// <c>run.threads</c> is the most threads any shard used and <c>run.elapsedSeconds</c> the sum of the shards' times.
    /// </summary>
    public MergeOutcome Complete()
    {
        if (_reference is null) return new(null, null, ["no parts to merge"]);
        var first = _reference.Partial;
        var missing = Missing;
        if (missing.Count > 0) return new(null, null, [PartialMerge.MissingShards(missing, first.Shard.Count, _seen.Count)]);
        var run = new RunInfo(first.Iterations, first.Seed, first.Sampling, first.EngineVersion, _threads, _elapsed);
        return new MergeOutcome(ResultBuilder.Build(_model!, run, _merged!), first.Command, []);
    }

    private void Accumulate(PartialResult partial)
    {
        var state = partial.State;
        _merged!.Cells.Merge(state.Cells);
        _merged.Money?.Merge(state.Money!);
        _merged.Exceedances?.Merge(state.Exceedances!);
        _threads = Math.Max(_threads, partial.Threads);
        _elapsed += partial.ElapsedSeconds;
    }

    /// <summary>Why a part's state cannot belong to this model; null when it fits.</summary>
    private string? Shape(RunState state)
    {
        var cells = _merged!.Cells;
        if (state.Cells.CellCount != cells.CellCount) return $"{state.Cells.CellCount} cells, but the scenario has {cells.CellCount}";
        bool costs = _merged.Money is not null;
        if ((state.Money is not null) != costs || (state.Exceedances is not null) != costs)
            return costs ? "no money state for a scenario with costs" : "money state for a scenario without costs";
        if (!costs) return null;
        if (state.Money!.CellCount != _merged.Money!.CellCount) return "the money state does not fit the scenario's costs";
        if (state.Exceedances!.CellCount != _merged.Exceedances!.CellCount) return "the threshold state does not fit the scenario";
        return null;
    }
}
