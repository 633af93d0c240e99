using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Summaries;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Running;

namespace FunnelSim.Ui;

/// <summary>
/// The view-model of the whole application: the scenario being edited, the live what-if run, the full run, the
/// pinned baseline, and the sensitivity analyses of the selected output. Runs go to the thread pool; their outcomes come back through <c>post</c> (the UI's
/// <c>app.Invoke</c>), so every event is raised on the UI thread. It never touches a view.
/// </summary>
public sealed class Workbench : IDisposable
{
    /// <summary>Iterations of a live what-if run: enough to read a change, fast enough to feel live.</summary>
    public const long QuickIterations = 4_000;

    private readonly Action<Action> _post;
    private readonly BaselineRecordings _recordings = new();
    private CancellationTokenSource? _quickCancel;

    /// <summary>Creates the workbench on <paramref name="document"/>.</summary>
    public Workbench(ScenarioDocument document, Action<Action> post)
    {
        _post = post;
        Sensitivity = new Sensitivity(post);
        Document = document;
        Document.Changed += OnDocumentChanged;
    }

    /// <summary>Raised when a new or opened document replaces the current one.</summary>
    public event EventHandler? DocumentReplaced;

    /// <summary>Raised after each edit of the document.</summary>
    public event EventHandler<DocumentChange>? DocumentChanged;

    /// <summary>Raised when a what-if run finished (or failed: see <see cref="QuickError"/>).</summary>
    public event EventHandler? QuickChanged;

    /// <summary>Raised when a full run finished.</summary>
    public event EventHandler? FullChanged;

    /// <summary>Raised when a baseline was pinned or cleared.</summary>
    public event EventHandler? BaselineChanged;

    /// <summary>The scenario being edited.</summary>
    public ScenarioDocument Document { get; private set; }

    /// <summary>Counts edits, so a result can tell whether it is still current.</summary>
    public int Revision { get; private set; }

    /// <summary>The latest live what-if outcome.</summary>
    public WhatIf? Quick { get; private set; }

    /// <summary>Why the latest what-if run produced nothing (e.g. the scenario has errors); null when it ran.</summary>
    public string? QuickError { get; private set; }

    /// <summary>The latest full run.</summary>
    public WhatIf? Full { get; private set; }

    /// <summary>The tornado and global drivers of the selected output (the drivers tab's view-model).</summary>
    public Sensitivity Sensitivity { get; }

    /// <summary>The pinned baseline, if any.</summary>
    public Baseline? Baseline { get; private set; }

    /// <summary>The what-if run in flight (completed when idle); tests await it.</summary>
    public Task QuickRunTask { get; private set; } = Task.CompletedTask;

    /// <summary>The full run when it matches the current document, else the what-if run.</summary>
    public WhatIf? Latest => Full is { } full && full.Revision == Revision ? full : Quick ?? Full;

    /// <summary>
    /// Replaces the document (new or opened file); results of the old one are dropped. A pinned baseline stays, marked
    /// as another scenario (<see cref="Running.Baseline.OtherScenario"/>) so no view passes it off as the same one.
    /// </summary>
    public void Replace(ScenarioDocument document)
    {
        CancelQuickRun();
        if (Baseline is { OtherScenario: false } pinned)
        {
            Baseline = pinned with { OtherScenario = true };
            BaselineChanged?.Invoke(this, EventArgs.Empty);
        }
        Document.Changed -= OnDocumentChanged;
        Document = document;
        Document.Changed += OnDocumentChanged;
        Revision++;
        Quick = null;
        Full = null;
        DocumentReplaced?.Invoke(this, EventArgs.Empty);
        FullChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// Starts a live what-if run of the current document with <see cref="QuickIterations"/> iterations and the
    /// scenario's seed, cancelling the one in flight. With a baseline it also runs the paired comparison.
    /// </summary>
    public void StartQuickRun()
    {
        CancelQuickRun();
        if (Document.Scenario is not { } scenario)
        {
            QuickError = $"not run: the scenario has {Document.Validation.Errors.Count()} error(s)";
            QuickChanged?.Invoke(this, EventArgs.Empty);
            return;
        }
        var cancel = new CancellationTokenSource();
        _quickCancel = cancel;
        int revision = Revision;
        var baseline = Baseline;
        var options = new RunOptions(QuickIterations, scenario.Simulation.Seed);
        QuickRunTask = Task.Run(() =>
        {
            try
            {
                var outcome = Compute(scenario, baseline, options, revision, quick: true, null, _recordings, cancel.Token);
                _post(() =>
                {
                    if (cancel.IsCancellationRequested) return;
                    Quick = outcome;
                    QuickError = null;
                    QuickChanged?.Invoke(this, EventArgs.Empty);
                });
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _post(() =>
                {
                    QuickError = $"what-if run failed: {e.Message}";
                    QuickChanged?.Invoke(this, EventArgs.Empty);
                });
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Runs the current scenario with its own iterations and seed, off the calling thread, and (with a baseline)
    /// the paired comparison. Progress counts both phases. Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async Task<WhatIf> RunFullAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var scenario = Document.Scenario ?? throw new InvalidOperationException("the scenario has errors");
        CancelQuickRun();
        int revision = Revision;
        var baseline = Baseline;
        var options = new RunOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed);
        var outcome = await Task.Run(() => Compute(scenario, baseline, options, revision, quick: false, progress, _recordings, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var done = new TaskCompletionSource();
        _post(() =>
        {
            Full = outcome;
            FullChanged?.Invoke(this, EventArgs.Empty);
            done.SetResult();
        });
        await done.Task.ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Pins the current scenario as the baseline; false when it has errors.</summary>
    public bool Pin()
    {
        if (Document.Scenario is not { } scenario) return false;
        _recordings.Clear();
        Baseline = new Baseline(scenario, Document.Title);
        BaselineChanged?.Invoke(this, EventArgs.Empty);
        StartQuickRun();
        return true;
    }

    /// <summary>Clears the baseline.</summary>
    public void Unpin()
    {
        Baseline = null;
        _recordings.Clear();
        BaselineChanged?.Invoke(this, EventArgs.Empty);
        StartQuickRun();
    }

    /// <summary>What the comparison leaves out (indications, years or metrics only one side has).</summary>
    public IReadOnlyList<string> NotCompared() => Baseline is { } b && Document.Scenario is { } s
        ? ComparisonCoverage.NotCompared(ModelCompiler.Compile(b.Scenario), ModelCompiler.Compile(s))
        : [];

    /// <inheritdoc />
    public void Dispose()
    {
        CancelQuickRun();
        Sensitivity.Dispose();
    }

    /// <summary>
    /// Runs the scenario and, with a baseline, the paired comparison; the baseline's outputs are replayed when a
    /// recording of it under the same iterations and seed is kept (<see cref="WhatIf.BaselineReplayed"/>).
    /// </summary>
    private static WhatIf Compute(Scenario scenario, Baseline? baseline, RunOptions options, int revision, bool quick,
        IProgress<RunProgress>? progress, BaselineRecordings recordings, CancellationToken cancellationToken)
    {
        var model = ModelCompiler.Compile(scenario);
        long total = options.Iterations * (baseline is null ? 1 : 2);
        var first = progress is null ? null : new Progress(p => progress.Report(new RunProgress(p.Done, total)));
        var (result, horizon) = HorizonRun.Run(model, options, first, cancellationToken);
        ComparisonResult? comparison = null;
        bool replayed = false;
        if (baseline is not null)
        {
            var second = progress is null ? null : new Progress(p => progress.Report(new RunProgress(options.Iterations + p.Done, total)));
            var recording = recordings.For(baseline.Scenario, options, out var baselineModel);
            replayed = recording is { IsComplete: true };
            comparison = recording is null
                ? ScenarioComparison.Run(baselineModel, model, options, second, cancellationToken)
                : ScenarioComparison.Run(recording, model, options, second, cancellationToken);
            if (recording is not null) recordings.Keep(recording);
        }
        return new WhatIf(result, comparison, revision, quick) { BaselineReplayed = replayed, Horizon = horizon };
    }

    private void OnDocumentChanged(object? sender, DocumentChange change)
    {
        Revision++;
        DocumentChanged?.Invoke(this, change);
    }

    private void CancelQuickRun()
    {
        _quickCancel?.Cancel();
        _quickCancel = null;
    }

    /// <summary>Progress forwarded synchronously (no capture of a synchronization context, unlike Progress&lt;T&gt;).</summary>
    private sealed class Progress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
