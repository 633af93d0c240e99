using FunnelSim.Engine;

namespace FunnelSim.Export;

/// <summary>One worker's recorder of draws: copies each iteration's chosen values and drawn inputs into its block.</summary>
internal sealed class DrawsRecorder(DrawColumns columns, DrawsSequencer sequencer) : IterationObserver
{
    private readonly Analysis.OutputCell?[] _cells = columns.Cells;
    private readonly int[] _parameters = [.. columns.Inputs.Select(i => i.ParameterIndex)];
    private readonly bool[] _targets = [.. columns.Inputs.Select(i => i.IsRampTarget)];
    private DrawBlock? _block;

    public override void BeginBlock(long first, long count) => _block = sequencer.Rent(first, count);

    public override void Observe(long iteration, IterationRunner runner)
    {
        var block = _block!;
        int row = block.Count++;
        var values = block.Values.AsSpan(row * _cells.Length, _cells.Length);
        for (int v = 0; v < values.Length; v++)
            values[v] = _cells[v] is { } cell ? cell.Read(runner) : DrawColumns.Missing;
        var inputs = block.Inputs.AsSpan(row * _parameters.Length, _parameters.Length);
        var starts = runner.DrawnParameters;
        var targets = runner.DrawnRampTargets;
        for (int j = 0; j < inputs.Length; j++)
            inputs[j] = _targets[j] ? targets[_parameters[j]] : starts[_parameters[j]];
    }

    public override void EndBlock()
    {
        var block = _block!;
        _block = null;
        sequencer.Complete(block);
    }

    public override void Abandon() => sequencer.Stop();
}
