using FunnelSim.Formatting;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The live what-if numbers (with costs, the total budget impact of the first and last year too) and the validation
/// summary under the editor.
/// </summary>
internal sealed class HeadlineView : FrameView
{
    /// <summary>Rows the field editor above keeps however much the what-if has to say (three fields and its border).</summary>
    private const int MinEditorHeight = 5;

    private readonly TextLinesView _lines = new() { CanFocus = false };

    public HeadlineView()
    {
        Title = "Live what-if";
        Add(_lines);
    }

    public void Refresh(Workbench workbench)
    {
        var validation = workbench.Document.Validation;
        int errors = validation.Errors.Count(), warnings = validation.Warnings.Count();
        string warned = warnings > 0 ? $", {warnings} warning(s)" : "";
        string status = errors > 0
            ? $"{errors} error(s){warned}: fix to run (F8 lists them)"
            : warnings > 0 ? $"valid, {warnings} warning(s) (F8 lists them)" : "valid";
        var quick = workbench.Quick;
        // The title stays short enough for the pane at 80 columns; what does not fit there (the baseline's name, the
        // time the run took) goes in the lines under the table, which wrap.
        Title = quick is null ? "Live what-if" : $"Live what-if: means of {Workbench.QuickIterations.ToString("N0", HumanNumber.Culture)} iterations";
        bool stale = quick is not null && quick.Revision != workbench.Revision;
        // The notes under the table, with the order in which they give way when the Edit page is too short for all of
        // them and a usable field editor (80×24 with a baseline and costs): the Compare tab names the baseline too, and
        // "relative to" explains a number that stays.
        var notes = new List<(string Text, int GivesWay)>();
        // Without a run, the table's place says why.
        if (quick is null) notes.Add((workbench.QuickError ?? "running…", int.MaxValue));
        if (quick is not null) notes.Add((HeadlineTable.Note(quick), 3));
        if (quick?.Comparison is not null && workbench.Baseline is { } baseline)
            notes.Add(($"In brackets: the difference from the baseline {baseline.Describe()}.", 1));
        if (quick is not null && BudgetHeadline.Line(quick) is { } budget) notes.Add((budget, int.MaxValue));
        if (quick is not null && BudgetHeadline.Note(quick) is { } relative) notes.Add((relative, 2));
        // One short line at 80 columns (a longer one would take the field editor's rows above it).
        string ms = quick is null ? "" : $"; the live run took {(quick.Result.Run.ElapsedSeconds * 1000).ToString("0", HumanNumber.Culture)} ms";
        notes.Add((workbench.QuickError is { } error && quick is not null
            ? errors > 0 ? $"{errors} error(s){warned}: fix to run (F8); last valid run shown" : $"{error}; last valid run shown; {status}"
            : stale ? "updating… " + status : status + ms, int.MaxValue));
        // Long notes wrap at the pane's width (never cut); the pane is as tall as its wrapped lines, never shorter than
        // the table with three indications, and leaves the field editor above it at least MinEditorHeight rows.
        int room = SuperView is { Viewport.Height: > 0 } page ? page.Viewport.Height - MinEditorHeight : int.MaxValue;
        List<string> Wrapped(int width)
        {
            for (int dropped = 0; ; dropped++)
            {
                var kept = notes.Where(n => n.GivesWay > dropped).Select(n => n.Text).ToList();
                List<string> rows = [.. quick is null ? [] : HeadlineTable.Lines(quick, width), .. ListDialog.Wrap(kept, Math.Max(20, width)).Rows];
                if (rows.Count + 2 <= room || dropped > 3) return rows;
            }
        }
        int height = Math.Max(8, Wrapped(Viewport.Width > 0 ? Viewport.Width : 50).Count + 2);
        if (Height is not DimAbsolute { Size: var current } || current != height) Height = height;
        _lines.Show((w, _) => Wrapped(w));
    }
}
