using FunnelSim.Compilation;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// Scenario A's per-iteration outputs (cell values and money cells, as a run computes them), kept from one comparison
/// so that the next comparison against the same A with the same iterations and seed replays them instead of simulating
/// A again: an analyst who pins a baseline and edits the other side waits for one scenario, not two. The replayed
/// comparison is identical to a fresh one (the outputs of iteration k depend only on the model, the seed, k and the
/// iteration count). Memory grows with iterations × cells, so a recording is only made within a byte budget.
/// </summary>
public sealed class BaselineRecording
{
    /// <summary>The default byte budget of one recording: 1 GiB.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private readonly long[] _values;
    private readonly int _cells;
    private readonly int _width;

    private BaselineRecording(CompiledModel model, long iterations, ulong seed, int cells, int money)
    {
        Model = model;
        Iterations = iterations;
        Seed = seed;
        _cells = cells;
        _width = cells + money;
        _values = new long[iterations * _width];
    }

    /// <summary>The baseline's model.</summary>
    public CompiledModel Model { get; }

    /// <summary>The iterations recorded (the comparison's count).</summary>
    public long Iterations { get; }

    /// <summary>The seed the outputs were simulated with.</summary>
    public ulong Seed { get; }

    /// <summary>True once a comparison ran to the end and filled every iteration; only then is it replayed.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Memory the recording holds, in bytes.</summary>
    public long Bytes => _values.LongLength * sizeof(long);

    /// <summary>
    /// An empty recording of <paramref name="baseline"/> for a comparison with <paramref name="options"/>, or null when it
    /// would take more than <paramref name="maxBytes"/> (the comparison then simulates A each time).
    /// </summary>
    public static BaselineRecording? TryCreate(CompiledModel baseline, RunOptions options, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        long bytes = BytesFor(baseline, options.Iterations);
        return bytes > maxBytes || bytes / sizeof(long) > Array.MaxLength
            ? null
            : new BaselineRecording(baseline, options.Iterations, options.Seed, baseline.CellCount, baseline.Budget?.CellCount ?? 0);
    }

    /// <summary>The bytes a recording of <paramref name="baseline"/> over <paramref name="iterations"/> would take.</summary>
    public static long BytesFor(CompiledModel baseline, long iterations)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return iterations * (baseline.CellCount + (baseline.Budget?.CellCount ?? 0)) * sizeof(long);
    }

    /// <summary>True when this recording can stand in for <paramref name="model"/> run with <paramref name="options"/>.</summary>
    public bool Matches(CompiledModel model, RunOptions options) =>
        ReferenceEquals(model, Model) && options.Iterations == Iterations && options.Seed == Seed && options.Overrides is null;

    internal ReadOnlySpan<long> Cells(long iteration) => _values.AsSpan().Slice(checked((int)(iteration * _width)), _cells);

    internal ReadOnlySpan<long> Money(long iteration) =>
        _values.AsSpan().Slice(checked((int)(iteration * _width)) + _cells, _width - _cells);

    /// <summary>Stores iteration <paramref name="iteration"/>'s outputs (workers write distinct iterations).</summary>
    internal void Store(long iteration, ReadOnlySpan<long> cells, ReadOnlySpan<long> money)
    {
        var row = _values.AsSpan().Slice(checked((int)(iteration * _width)), _width);
        cells.CopyTo(row);
        money.CopyTo(row[_cells..]);
    }

    internal void Complete() => IsComplete = true;
}
