using FunnelSim.Engine;
using FunnelSim.Formatting;
using FunnelSim.Model;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Files;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

// Files, runs, baseline, problems and help.
internal sealed partial class MainWindow
{
    internal void NewScenario()
    {
        if (!ConfirmDiscard("New")) return;
        _workbench.Replace(ScenarioDocument.BaseCase());
        _workbench.StartQuickRun();
        UpdateTitle();
        Say("New scenario from the built-in US national base case." + BaselineKeptNote());
    }

    internal void OpenScenario()
    {
        if (!ConfirmDiscard("Open")) return;
        string? path = Dialogs.AskPath("Open scenario", "Scenario file (JSON):", _workbench.Document.FilePath ?? "", _recent.Load(), forOpening: true);
        if (path is not null) Open(path);
    }

    /// <summary>Opens <paramref name="path"/>; problems are shown, never thrown.</summary>
    public void Open(string path)
    {
        var (document, problems) = ScenarioFiles.Open(path);
        if (document is null)
        {
            Say($"Could not open {path}.");
            if (App is not null) ListDialog.Show(App, $"Cannot open {Path.GetFileName(path)}", problems.Select(p => p.ToString()).ToList());
            return;
        }
        _recent.Add(path);
        _workbench.Replace(document);
        _workbench.StartQuickRun();
        UpdateTitle();
        int errors = problems.Count(p => p.IsError);
        // The file's name (the outline's title has it too): a long path would push the baseline's warning off the line.
        string name = Path.GetFileName(path);
        Say((errors == 0 ? $"Opened {name}." : $"Opened {name} with {errors} error(s): fix them in the editor (F8 lists them).") + BaselineKeptNote());
    }

    internal void SaveScenario(bool saveAs)
    {
        var document = _workbench.Document;
        string? path = document.FilePath;
        if (saveAs || path is null)
        {
            path = Dialogs.AskPath("Save scenario as", "File name (JSON):", path ?? Path.Combine(Environment.CurrentDirectory, "scenario.json"), [], forOpening: false);
            if (path is null) return;
            if (!ConfirmReplace(path, document.FilePath)) return;
        }
        if (!document.Validation.IsValid
            && Dialogs.Query("Save", $"The scenario has {document.Validation.Errors.Count()} error(s). Save it anyway, as it stands?", "Save anyway", "Cancel") != 0)
            return;
        if (ScenarioFiles.Save(document, path) is { } error)
        {
            Say(error);
            Dialogs.Query("Save failed", error, "OK");
            return;
        }
        _recent.Add(path);
        UpdateTitle();
        Say($"Saved {path}.");
    }

    internal void ExportResults()
    {
        if (_workbench.Latest is not { } latest)
        {
            Say("Nothing to export yet: run the scenario first (F5).");
            return;
        }
        string stem = Path.GetFileNameWithoutExtension(_workbench.Document.FilePath ?? "scenario");
        string? path = Dialogs.AskPath("Export results", "File (.json or .csv):", Path.Combine(Environment.CurrentDirectory, stem + ".results.json"), [], forOpening: false);
        if (path is null || !ConfirmReplace(path, null)) return;
        string kind = latest.Quick ? "live what-if (few iterations)" : "full run";
        Say(ScenarioFiles.Export(latest.Result, path) is { } error ? error : $"Exported the {kind} results to {path}.");
    }

    private void RunFull()
    {
        if (App is null) return;
        if (_workbench.Document.Scenario is null)
        {
            Say("The scenario has errors; fix them before running (F8 lists them).");
            ShowProblems();
            return;
        }
        using var dialog = new RunDialog(_workbench.Baseline is null ? "Running the scenario" : "Running the scenario and the comparison with the baseline");
        var app = App;
        var progress = new Reporter(p => app.Invoke(() => dialog.Report(p)));
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = _workbench.RunFullAsync(progress, dialog.CancellationToken);
        run.ContinueWith(_ => app.Invoke(() => { if (dialog.IsRunning) dialog.RequestStop(); }), TaskScheduler.Default);
        app.Run(dialog);
        if (run.IsCanceled || dialog.CancellationToken.IsCancellationRequested && !run.IsCompletedSuccessfully)
            Say("Run cancelled; the previous results stay.");
        else if (run.Exception is { } e)
            Say($"Run failed: {e.GetBaseException().Message}");
        else if (run.IsCompletedSuccessfully)
        {
            // The whole wait, the baseline's comparison run included, not only the scenario's own run.
            double waited = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            // Short enough for 80 columns: the message line does not wrap.
            string paired = run.Result.Comparison is null ? "" : " + comparison";
            string kept = run.Result.BaselineReplayed ? "; baseline kept, not re-run" : "";
            Say($"Full run: {HumanNumber.Whole(run.Result.Result.Run.Iterations)} iterations{paired} in {HumanNumber.Seconds(waited)}{kept}.");
        }
    }

    private void TogglePin()
    {
        if (_workbench.Baseline is not null)
        {
            _workbench.Unpin();
            Say("Baseline cleared.");
        }
        else if (_workbench.Pin())
        {
            Say($"Pinned '{_workbench.Baseline!.Label}' as the baseline: edit, then read the differences in the Compare tab.");
        }
        else
        {
            Say("The scenario has errors; only a valid scenario can be pinned.");
        }
        UpdateTitle();
    }

    private void ShowProblems()
    {
        if (App is null) return;
        var diagnostics = _workbench.Document.Validation.Diagnostics;
        if (diagnostics.IsEmpty)
        {
            Say("No problems: the scenario is valid.");
            return;
        }
        int? chosen = ListDialog.Show(App, "Problems (Enter goes to the field)", diagnostics.Select(d => d.ToString()).ToList());
        if (chosen is int index)
        {
            ShowPage(EditPage);
            EditPage.Outline.Select(diagnostics[index].Path);
            if (EditPage.Outline.Selected is { } node) EditPage.Editor.Edit(_workbench.Document, node);
            EditPage.Editor.FocusPath(diagnostics[index].Path);
        }
    }

    private void ShowHelp()
    {
        if (App is not null) ListDialog.Show(App, "FunnelSim help", [.. (HelpText.Keys + "\n" + HelpText.Model).Split('\n')], selectable: false);
    }

    /// <summary>
    /// True when there are no unsaved edits or the user chose to go on (saving or discarding them). Cancel is the
    /// default button: Enter never saves or discards by accident.
    /// </summary>
    private bool ConfirmDiscard(string action)
    {
        if (!_workbench.Document.IsDirty) return true;
        int? answer = Dialogs.Query(action, $"'{_workbench.Document.Title}' has unsaved changes.", "Save", "Discard", "Cancel");
        if (answer == 0)
        {
            SaveScenario(saveAs: false);
            return !_workbench.Document.IsDirty;
        }
        return answer == 1;
    }

    /// <summary>True when <paramref name="path"/> is free, is the document's own file, or the user agreed to replace it (Cancel is the default).</summary>
    private bool ConfirmReplace(string path, string? ownFile)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full) || (ownFile is not null && string.Equals(Path.GetFullPath(ownFile), full, StringComparison.Ordinal))) return true;
        if (Dialogs.Query("Replace file?", $"{full} already exists. Replace it?", "Replace", "Cancel") == 0) return true;
        Say($"Not written: {Path.GetFileName(full)} exists and was kept.");
        return false;
    }

    /// <summary>After New or Open with a pinned baseline: says it is kept, and that it is another scenario.</summary>
    private string BaselineKeptNote() => _workbench.Baseline is { } b
        ? $" Baseline '{b.Label}' kept: another scenario (Compare tab; F6 clears it)."
        : "";

    private sealed class Reporter(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
