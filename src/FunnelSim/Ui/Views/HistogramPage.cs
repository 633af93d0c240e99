using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Ui.Views;

/// <summary>The distribution over iterations of one chosen metric (F4 cycles the metric, shared with the drivers tab), drawn from its percentiles.</summary>
internal sealed class HistogramPage() : ResultPageBase("_Histogram")
{
    protected override IReadOnlyList<string> Draw(SimulationResult result, Workbench workbench, ResultSelection selection, int width, int height)
    {
        selection.Fit(result);
        var metric = selection.Metric;
        var years = result.YearsOf(selection.Indication);
        if (years is null || !years[selection.YearIndex].Metrics.TryGetValue(metric.Name, out var summary))
            return [$"{metric.Label}: not in these results"];
        string title = $"{metric.Label}, {selection.Describe(result)} — distribution over iterations (F4: next metric)";
        return PercentileHistogram.Lines(title, summary, width - 1, Math.Max(3, height - 7));
    }
}
