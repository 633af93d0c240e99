using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Rendering;
using FunnelSim.Ui.Editing;

namespace FunnelSim.Ui.Views;

// Run › Calibrate…: the scenario being edited is the prior; observed counts come from a file (docs/calibration.md).
internal sealed partial class MainWindow
{
    /// <summary>Posterior draws of a calibration started from the UI (the command line's default).</summary>
    internal const int CalibrationDraws = CalibrationOptions.DefaultDraws;

    internal void Calibrate()
    {
        if (App is null) return;
        if (_workbench.Document.Scenario is not { } scenario)
        {
            Say("The scenario has errors; fix them before calibrating (F8 lists them).");
            ShowProblems();
            return;
        }
        string? path = Dialogs.AskPath("Calibrate to observed counts",
            "Observed counts (JSON: { \"observations\": [ { indication, year, metric, value } ] }):", "", _recent.Load(), forOpening: true);
        if (path is null) return;
        var model = ModelCompiler.Compile(scenario);
        var observed = ObservedCounts.ReadFile(path, model);
        if (!observed.IsValid)
        {
            Say($"{Path.GetFileName(path)} cannot be used: {observed.Diagnostics.Count(d => d.IsError)} error(s).");
            ListDialog.Show(App, $"Cannot calibrate to {Path.GetFileName(path)}", [.. observed.Diagnostics.Select(d => d.ToString())]);
            return;
        }

        using var dialog = new RunDialog($"Calibrating to {Path.GetFileName(path)}");
        var app = App;
        int stage = 0;
        var progress = new StageReporter(power => app.Invoke(() => dialog.Report(power, $"stage {++stage}: likelihood power {power:0.000} of 1")));
        var options = new CalibrationOptions(CalibrationDraws, scenario.Simulation.Seed, Environment.ProcessorCount);
        var token = dialog.CancellationToken;
        var run = Task.Run(() => Calibrator.Run(model, observed.Observations!, options, progress, token), token);
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
            .Concat(CalibrationTable.Render(result, Path.GetFileName(path)).TrimEnd().Split('\n')).ToList();
        ListDialog.Show(App, "Calibration: prior and posterior", lines, selectable: false);
        Say($"Calibrated to {Path.GetFileName(path)}: {result.Parameters.Count(p => p.Updated)} input(s) moved.");
        if (Dialogs.Query("Calibration", "Open the posterior as a new, unsaved scenario? (Save it with Ctrl+S.)", "Open posterior", "Close") != 0)
            return;
        if (!ConfirmDiscard("Open the posterior")) return;
        string posterior = PosteriorScenario.Write(result, Path.GetFileName(path), DateOnly.FromDateTime(DateTime.Now));
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
