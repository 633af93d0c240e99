using FunnelSim.Rendering;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>The funnel metrics (mean, P5–P95, shares) of the selected indication and year.</summary>
internal sealed class ResultsTablePage() : TablePageBase("_Results")
{
    public override void Refresh(Workbench workbench, ResultSelection selection)
    {
        if (workbench.Latest is not { } latest)
        {
            Show(workbench.QuickError ?? "no results yet", TableRows.Message("F5 runs the scenario"));
            return;
        }
        Show($"{selection.Describe(latest.Result)}  {ResultOrigin.Describe(workbench, latest)}", FunnelTable.Build(latest.Result, selection));
    }
}
