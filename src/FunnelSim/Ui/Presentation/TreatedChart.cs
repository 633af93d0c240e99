using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// New patients treated per year with their 90% band: a bar to the mean (█), the band from P5 to P95 drawn as
/// ├──┤ over it, on a linear scale shared by all years.
/// </summary>
public static class TreatedChart
{
    /// <summary>The chart as lines of at most <paramref name="width"/> characters.</summary>
    public static IReadOnlyList<string> Lines(SimulationResult result, ResultSelection selection, int width, string metric = MetricNames.TreatedNew)
    {
        selection.Fit(result);
        var years = result.YearsOf(selection.Indication);
        if (years is null) return ["no results for this indication"];
        var series = years.Where(y => y.Metrics.ContainsKey(metric)).Select(y => (y.Year, Summary: y.Metrics[metric])).ToList();
        string name = selection.Indication == ResultSelection.Total ? "all indications" : selection.Indication.ToUpperInvariant();
        var lines = new List<string> { $"{FunnelMetrics.LabelOf(metric)} per year, {name} — mean (█) and 90% band P5–P95 (├─┤)", "" };
        if (series.Count == 0) return [.. lines, "no data"];
        var texts = series.Select(s => $"{HumanNumber.Count(s.Summary.Mean)} ({HumanNumber.Interval(s.Summary.P5, s.Summary.P95)})").ToList();
        int textWidth = texts.Max(t => t.Length);
        int barWidth = Math.Max(10, width - 5 - textWidth - 2);
        double max = Math.Max(1, series.Max(s => s.Summary.P95));
        int Column(double value) => Math.Clamp((int)Math.Round(value / max * (barWidth - 1)), 0, barWidth - 1);
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i].Summary;
            var bar = new char[barWidth];
            Array.Fill(bar, ' ');
            int mean = Column(s.Mean);
            for (int c = 0; c <= mean && s.Mean > 0; c++) bar[c] = '█';
            int low = Column(s.P5), high = Column(s.P95);
            for (int c = low; c <= high; c++) if (bar[c] == ' ') bar[c] = '─';
            bar[low] = '├';
            bar[high] = '┤';
            lines.Add($"{series[i].Year} {new string(bar)}  {texts[i]}");
        }
        lines.Add("");
        lines.Add($"     0{HumanNumber.Count(max).PadLeft(barWidth - 1)}");
        return lines;
    }
}
