using FunnelSim.Results;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The commercial view of the selected indication (F3): every year's new starts, patients on treatment, doses and drug
/// sales with their 90% intervals and the totals over the horizon, then new starts per year as bars with the 90% band.
/// </summary>
internal sealed class TreatedChartPage() : ResultPageBase("_Treated")
{
    protected override IReadOnlyList<string> Draw(SimulationResult result, Workbench workbench, ResultSelection selection, int width, int height)
    {
        selection.Fit(result);
        string name = selection.Indication == ResultSelection.Total ? "all indications" : selection.Indication.ToUpperInvariant();
        var horizon = workbench.Latest?.Result == result ? workbench.Latest.Horizon : null;
        var lines = new List<string> { $"Patients and sales per year, {name} (F3: indication)" };
        lines.AddRange(CommercialTable.Lines(result, horizon, selection.Indication, width));
        lines.AddRange(ListDialog.Wrap([CommercialTable.Note(result)], width).Rows);
        // The bars of new starts when there is room for them under the table.
        var chart = TreatedChart.Lines(result, selection, width);
        if (height - lines.Count - 1 >= chart.Count)
        {
            lines.Add("");
            lines.AddRange(chart);
        }
        return lines;
    }
}
