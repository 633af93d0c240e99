using FunnelSim.Results;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>The funnel of the selected indication and year as bars.</summary>
internal sealed class FunnelChartPage() : ResultPageBase("_Funnel")
{
    protected override IReadOnlyList<string> Draw(SimulationResult result, Workbench workbench, ResultSelection selection, int width, int height) =>
        FunnelChart.Lines(result, selection, width);
}
