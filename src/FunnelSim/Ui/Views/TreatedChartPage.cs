using FunnelSim.Results;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>New patients treated per year with the 90% band, for the selected indication.</summary>
internal sealed class TreatedChartPage() : ResultPageBase("T_reated")
{
    protected override IReadOnlyList<string> Draw(SimulationResult result, Workbench workbench, ResultSelection selection, int width, int height) =>
        TreatedChart.Lines(result, selection, width);
}
