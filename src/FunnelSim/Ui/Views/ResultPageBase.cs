using FunnelSim.Results;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

/// <summary>A page that draws text lines from the latest result, or says why there is none yet.</summary>
internal abstract class ResultPageBase : IResultsPage
{
    private readonly TextLinesView _lines = new();

    protected ResultPageBase(string title)
    {
        Title = title;
        Content = new View { Title = title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        Content.Add(_lines);
    }

    public string Title { get; }

    public View Content { get; }

    public View? KeyTarget => _lines;

    public void Refresh(Workbench workbench, ResultSelection selection)
    {
        if (workbench.Latest is not { } latest)
        {
            string why = workbench.QuickError ?? "no results yet: the live run starts after the scenario validates (F5 runs in full)";
            _lines.Show((_, _) => [why]);
            return;
        }
        string origin = ResultOrigin.Describe(workbench, latest);
        _lines.Show((w, h) => [origin, .. Draw(latest.Result, workbench, selection, w, Math.Max(1, h - 1))]);
    }

    protected abstract IReadOnlyList<string> Draw(SimulationResult result, Workbench workbench, ResultSelection selection, int width, int height);
}
