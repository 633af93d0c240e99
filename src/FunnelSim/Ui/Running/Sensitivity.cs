using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;

namespace FunnelSim.Ui.Running;

/// <summary>
/// The view-model of the drivers tab: the tornado of the selected output, recomputed when the scenario or the selection
/// changes (exact expectations take milliseconds), and the global drivers, computed on request because they take
/// seconds. Both run on the thread pool and come back through <c>post</c> (the UI's <c>app.Invoke</c>); a newer
/// request cancels the tornado in flight, and the drivers run can be cancelled. It never touches a view.
/// </summary>
public sealed class Sensitivity(Action<Action> post) : IDisposable
{
    private CancellationTokenSource? _tornadoCancel;
    private CancellationTokenSource? _driversCancel;
    private (int Revision, OutputSelection? Output, string? WhyNot)? _tornadoAsked;

    /// <summary>Raised (on the UI thread) when anything shown changed: a result, an error, progress.</summary>
    public event EventHandler? Changed;

    /// <summary>The latest tornado, for <see cref="TornadoScenario"/>; null before the first or after an error.</summary>
    public TornadoResult? Tornado { get; private set; }

    /// <summary>The scenario the tornado was computed for (its indication ids name the inputs).</summary>
    public Scenario? TornadoScenario { get; private set; }

    /// <summary>Why there is no tornado (the scenario has errors, the output does not exist); null otherwise.</summary>
    public string? TornadoError { get; private set; }

    /// <summary>True while a tornado is being computed.</summary>
    public bool TornadoRunning { get; private set; }

    /// <summary>The tornado computation in flight (completed when idle); tests await it.</summary>
    public Task TornadoTask { get; private set; } = Task.CompletedTask;

    /// <summary>The latest global drivers result, if any (possibly for an earlier scenario or output: see <see cref="DriversRevision"/>).</summary>
    public DriversResult? Drivers { get; private set; }

    /// <summary>The document revision the drivers were computed for.</summary>
    public int DriversRevision { get; private set; }

    /// <summary>A message about the drivers (cancelled, failed, cannot run); null when there is none.</summary>
    public string? DriversMessage { get; private set; }

    /// <summary>Progress of the drivers' simulation while it runs; null when idle.</summary>
    public RunProgress? DriversProgress { get; private set; }

    /// <summary>True while the drivers are being computed.</summary>
    public bool DriversRunning => _driversCancel is not null;

    /// <summary>The drivers computation in flight (completed when idle); tests await it.</summary>
    public Task DriversTask { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Asks for the tornado of <paramref name="output"/> in <paramref name="scenario"/> at document
    /// <paramref name="revision"/>; does nothing when that is what was last asked. With no scenario,
    /// <paramref name="whyNot"/> is shown instead.
    /// </summary>
    public void UpdateTornado(Scenario? scenario, int revision, OutputSelection? output, string whyNot)
    {
        var asked = (revision, scenario is null ? null : output, scenario is null ? whyNot : null);
        if (_tornadoAsked == asked) return;
        _tornadoAsked = asked;
        _tornadoCancel?.Cancel();
        _tornadoCancel = null;
        if (scenario is null || output is null)
        {
            Tornado = null;
            TornadoScenario = null;
            TornadoError = whyNot;
            TornadoRunning = false;
            Changed?.Invoke(this, EventArgs.Empty);
            return;
        }
        var cancel = new CancellationTokenSource();
        _tornadoCancel = cancel;
        TornadoRunning = true;
        TornadoTask = Task.Run(() =>
        {
            TornadoResult? result = null;
            string? error;
            try
            {
                var model = ModelCompiler.Compile(scenario);
                error = output.Check(model);
                if (error is null)
                    result = TornadoAnalysis.Run(model, output, new TornadoOptions(Seed: scenario.Simulation.Seed), null, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = $"the tornado failed: {e.Message}";
            }
            post(() =>
            {
                if (cancel.IsCancellationRequested) return;
                _tornadoCancel = null;
                Tornado = result;
                TornadoScenario = result is null ? null : scenario;
                TornadoError = error;
                TornadoRunning = false;
                Changed?.Invoke(this, EventArgs.Empty);
            });
        }, CancellationToken.None);
    }

    /// <summary>
    /// Starts the global drivers of <paramref name="output"/> over the scenario's own iterations and seed (at most
    /// <see cref="DriversOptions.DefaultMaxDraws"/> draws). Returns a message when it cannot start (no scenario, or a run
    /// is already going), else null.
    /// </summary>
    public string? StartDrivers(Scenario? scenario, int revision, OutputSelection? output, string whyNot)
    {
        if (DriversRunning) return "The drivers are already being computed (Esc cancels).";
        if (scenario is null || output is null)
        {
            DriversMessage = whyNot;
            Changed?.Invoke(this, EventArgs.Empty);
            return whyNot;
        }
        var cancel = new CancellationTokenSource();
        _driversCancel = cancel;
        DriversMessage = null;
        DriversProgress = new RunProgress(0, Math.Min(scenario.Simulation.Iterations, DriversOptions.DefaultMaxDraws));
        Changed?.Invoke(this, EventArgs.Empty);
        var progress = new Reporter(p => post(() => { if (_driversCancel == cancel) ReportDriversProgress(p); }));
        DriversTask = Task.Run(() =>
        {
            DriversResult? result = null;
            string? message = null;
            try
            {
                var model = ModelCompiler.Compile(scenario);
                message = output.Check(model);
                if (message is null)
                {
                    var options = new DriversOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed);
                    if (options.Draws < DriversOptions.MinDraws)
                        message = $"the drivers need at least {DriversOptions.MinDraws} iterations; the scenario has {scenario.Simulation.Iterations}";
                    else
                        result = DriversAnalysis.Run(model, output, options, progress, cancel.Token);
                }
            }
            catch (OperationCanceledException)
            {
                message = "Drivers cancelled; D computes them again.";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                message = $"The drivers failed: {e.Message}";
            }
            post(() =>
            {
                _driversCancel = null;
                cancel.Dispose();
                DriversProgress = null;
                DriversMessage = message;
                if (result is not null)
                {
                    Drivers = result;
                    DriversRevision = revision;
                }
                Changed?.Invoke(this, EventArgs.Empty);
            });
        }, CancellationToken.None);
        return null;
    }

    /// <summary>
    /// Shows the drivers' sampling progress. Workers report as they finish blocks, so reports can arrive out of order
    /// (20,000 then 18,432): only a report further on is shown, and once every draw is in, the tree surrogate's fit is
    /// shown as its own phase (<see cref="DriversFitting"/>) instead of a bar frozen short of the end.
    /// </summary>
    internal void ReportDriversProgress(RunProgress progress)
    {
        if (!DriversRunning || DriversProgress is { } shown && progress.Done <= shown.Done) return;
        DriversProgress = progress;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>True once every draw was simulated and the tree surrogate is being fitted (the drivers' second phase).</summary>
    public bool DriversFitting => DriversProgress is { } p && p.Done >= p.Total;

    /// <summary>Cancels the drivers run; false when none was running.</summary>
    public bool CancelDrivers()
    {
        if (_driversCancel is not { } cancel) return false;
        cancel.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tornadoCancel?.Cancel();
        _driversCancel?.Cancel();
    }

    /// <summary>Progress forwarded synchronously (no capture of a synchronization context, unlike Progress&lt;T&gt;).</summary>
    private sealed class Reporter(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
