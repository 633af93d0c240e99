using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Rendering;
using FunnelSim.Ui.Calibrating;
using FunnelSim.Ui.Editing;

namespace FunnelSim.Ui.Views;

// Run › Calibrate…: the scenario being edited is the prior; observed counts are typed or loaded from a file (docs/calibration.md).
internal sealed partial class MainWindow
{
    /// <summary>Posterior draws of a calibration started from the UI (the command line's default; tests use fewer).</summary>
    internal int CalibrationDraws { get; set; } = CalibrationOptions.DefaultDraws;

    /// <summary>The observed counts typed (or loaded) last, offered again by the next calibration.</summary>
    private readonly List<ObservedRow> _observedRows = [];

    internal void Calibrate()
    {
        if (App is null) return;
        if (_workbench.Document.Scenario is not { } scenario)
        {
            Say("The scenario has errors; fix them before calibrating (F8 lists them).");
            ShowProblems();
            return;
        }
        var model = ModelCompiler.Compile(scenario);
        if (Dialogs.AskObservations(model, _observedRows, _recent.Load()) is not { } input) return;
        string label = input.Label;

        using var dialog = new RunDialog($"Calibrating to {label}");
        var app = App;
        int stage = 0;
        var progress = new StageReporter(power => app.Invoke(() => dialog.Report(power, $"stage {++stage}: likelihood power {power:0.000} of 1")));
        var options = new CalibrationOptions(CalibrationDraws, scenario.Simulation.Seed, Environment.ProcessorCount);
        var token = dialog.CancellationToken;
        var run = Task.Run(() => Calibrator.Run(model, input.Observations, options, progress, token), token);
        run.ContinueWith(_ => app.Invoke(() => { if (dialog.IsRunning) dialog.RequestStop(); }), TaskScheduler.Default);
        app.Run(dialog);
        if (run.IsCanceled || token.IsCancellationRequested && !run.IsCompletedSuccessfully)
        {
            Say("Calibration cancelled.");
            return;
        }
        if (run.Exception is { } e)
        {
            string message = e.GetBaseException() is CalibrationException c ? c.Message : e.GetBaseException().Message;
            Say($"Calibration failed: {message}.");
            Dialogs.Query("Calibration failed", message, "OK");
            return;
        }
        var result = run.Result;
        var lines = result.Warnings.Select(w => $"⚠ {w}.")
            .Concat(CalibrationTable.Render(result, label).TrimEnd().Split('\n')).ToList();
        ListDialog.Show(App, "Calibration: prior and posterior", lines, selectable: false);
        Say($"Calibrated to {label}: {result.Parameters.Count(p => p.Updated)} input(s) moved.");
        if (Dialogs.Query("Calibration", "Open the posterior as a new, unsaved scenario? (Save it with Ctrl+S.)", "Open posterior", "Close") != 0)
            return;
        if (!ConfirmDiscard("Open the posterior")) return;
        string posterior = PosteriorScenario.Write(result, label, DateOnly.FromDateTime(DateTime.Now));
        if (ScenarioDocument.FromJson(posterior, null) is not { } document) return;
        _workbench.Replace(document);
        _workbench.StartQuickRun();
        UpdateTitle();
        Say("Opened the posterior scenario (unsaved): its updated inputs say \"calibrated to …\" in Source." + BaselineKeptNote());
    }

    private sealed class StageReporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
