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
        string status = errors > 0
            ? $"{errors} error(s), {warnings} warning(s): fix to run (F8 lists them)"
            : warnings > 0 ? $"valid, {warnings} warning(s) (F8 lists them)" : "valid";
        var quick = workbench.Quick;
        // The title stays short enough for the pane at 80 columns; what does not fit there (the baseline's name, the
        // time the run took) goes in the lines under the table, which wrap.
        Title = quick is null ? "Live what-if" : $"Live what-if: means of {Workbench.QuickIterations.ToString("N0", HumanNumber.Culture)} iterations";
        bool stale = quick is not null && quick.Revision != workbench.Revision;
        var lines = new List<string>();
        if (quick is not null) lines.AddRange(HeadlineTable.Lines(quick));
        else lines.Add(workbench.QuickError ?? "running…");
        int table = quick is null ? 0 : lines.Count;
        if (quick is not null) lines.Add(HeadlineTable.Note(quick));
        if (quick?.Comparison is not null && workbench.Baseline is { } baseline)
            lines.Add($"In brackets: the difference from the baseline {baseline.Describe()}.");
        if (quick is not null && BudgetHeadline.Line(quick) is { } budget) lines.Add(budget);
        if (quick is not null && BudgetHeadline.Note(quick) is { } relative) lines.Add(relative);
        lines.Add((workbench.QuickError is { } error && quick is not null ? error + " — showing the last valid run; " : stale ? "updating… " : "")
                  + status + (quick is null ? "" : $"; the live run took {(quick.Result.Run.ElapsedSeconds * 1000).ToString("0", HumanNumber.Culture)} ms"));
        // Long notes wrap at the pane's width (never cut); the pane is as tall as its wrapped lines, never shorter than
        // the table with three indications.
        List<string> Wrapped(int width) => [.. lines.Take(table), .. ListDialog.Wrap(lines.Skip(table).ToList(), Math.Max(20, width)).Rows];
        int height = Math.Max(8, Wrapped(Viewport.Width > 0 ? Viewport.Width : 50).Count + 2);
        if (Height is not DimAbsolute { Size: var current } || current != height) Height = height;
        _lines.Show((w, _) => Wrapped(w));
    }
}
