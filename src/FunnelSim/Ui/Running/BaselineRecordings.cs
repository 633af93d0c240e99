using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;

namespace FunnelSim.Ui.Running;

/// <summary>
/// The pinned baseline's recorded outputs, one per run setting (the live what-if's and the full run's), so a run with
/// an unchanged baseline and unchanged iterations and seed replays the baseline instead of simulating it again. A new
/// baseline drops them. Used from the thread pool: every member locks.
/// </summary>
internal sealed class BaselineRecordings
{
    /// <summary>At most this many recordings are kept (the what-if's and the full run's).</summary>
    private const int Kept = 2;

    private readonly Lock _gate = new();
    private readonly List<BaselineRecording> _complete = [];
    private readonly long _maxBytes;
    private Scenario? _baseline;
    private CompiledModel? _model;

    public BaselineRecordings(long maxBytes = BaselineRecording.DefaultMaxBytes) => _maxBytes = maxBytes;

    /// <summary>
    /// The recording to compare <paramref name="baseline"/> with under <paramref name="options"/>: a complete one (a
    /// replay) or a new empty one to fill, which <see cref="Keep"/> stores once the comparison finished; null when a
    /// recording would exceed the byte budget (the baseline is then simulated each time).
    /// </summary>
    public BaselineRecording? For(Scenario baseline, RunOptions options, out CompiledModel model)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(baseline, _baseline) || _model is null)
            {
                _baseline = baseline;
                _model = ModelCompiler.Compile(baseline);
                _complete.Clear();
            }
            model = _model;
            var key = options with { Threads = 0 };
            return _complete.FirstOrDefault(r => r.Matches(_model, key)) ?? BaselineRecording.TryCreate(_model, key, _maxBytes);
        }
    }

    /// <summary>Keeps a recording a comparison completed (if its baseline is still the current one).</summary>
    public void Keep(BaselineRecording recording)
    {
        lock (_gate)
        {
            if (!recording.IsComplete || !ReferenceEquals(recording.Model, _model) || _complete.Contains(recording)) return;
            _complete.RemoveAll(r => r.Iterations == recording.Iterations && r.Seed == recording.Seed);
            _complete.Add(recording);
            if (_complete.Count > Kept) _complete.RemoveAt(0);
        }
    }

    /// <summary>Drops every recording (the baseline was cleared).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _complete.Clear();
            _baseline = null;
            _model = null;
        }
    }
}
