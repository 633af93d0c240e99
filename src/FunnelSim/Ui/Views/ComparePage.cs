using FunnelSim.Rendering;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>Baseline, current and the paired difference with its 90% interval, for the selected indication and year.</summary>
internal sealed class ComparePage() : TablePageBase("_Compare")
{
    public override void Refresh(Workbench workbench, ResultSelection selection)
    {
        if (workbench.Baseline is null)
        {
            Show("No baseline pinned.", TableRows.Message("F6 pins the current scenario as the baseline; then edit and read the difference here."));
            return;
        }
        if (workbench.Latest is not { Comparison: { } comparison } latest)
        {
            Show($"Baseline: {workbench.Baseline.Describe()}", TableRows.Message(workbench.QuickError ?? "comparing…"));
            return;
        }
        selection.Fit(latest.Result);
        int year = latest.Result.Total.Years[selection.YearIndex].Year;
        var notes = workbench.NotCompared();
        string caption = $"{selection.Describe(latest.Result)}: baseline {workbench.Baseline.Describe()} vs current, paired on shared random numbers  " +
                         ResultOrigin.Describe(workbench, latest);
        Show(caption, CompareTable.Build(comparison, selection.Indication, year),
            notes.Count == 0 ? "" : "Not compared: " + string.Join("; ", notes));
    }
}
