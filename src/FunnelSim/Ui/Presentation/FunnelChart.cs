using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The funnel of one indication (or the total) in one year as horizontal bars: each step's survivors, from incident
/// cases to new patients treated. Counts span four orders of magnitude, so bar lengths are on a log scale and every
/// bar carries its number.
/// </summary>
public static class FunnelChart
{
    /// <summary>Columns always left for the bars, however long the step names are.</summary>
    public const int MinimumBar = 20;

    /// <summary>The chart as lines of at most <paramref name="width"/> characters.</summary>
    public static IReadOnlyList<string> Lines(SimulationResult result, ResultSelection selection, int width)
    {
        selection.Fit(result);
        var years = result.YearsOf(selection.Indication);
        if (years is null) return ["no results for this indication"];
        var metrics = years[selection.YearIndex].Metrics;
        var stages = Stages(result, selection.Indication, metrics).ToList();
        int numberWidth = stages.Max(s => HumanNumber.Count(s.Mean).Length);
        // Names get the room the bars can spare: a wide window shows them whole; a narrow one cuts the longest with "…".
        int labelWidth = Math.Max(8, Math.Min(stages.Max(s => s.Label.Length), width - numberWidth - 3 - MinimumBar));
        int barWidth = Math.Max(4, width - labelWidth - numberWidth - 3);
        double top = Math.Log10(Math.Max(10, stages.Max(s => s.Mean)) + 1);
        var lines = new List<string> { $"Funnel, {selection.Describe(result)} — survivors of each step (mean; bar length on a log scale)", "" };
        foreach (var (label, mean) in stages)
        {
            int length = mean <= 0 ? 0 : Math.Max(1, (int)Math.Round(Math.Log10(mean + 1) / top * barWidth));
            string name = label.Length > labelWidth ? label[..(labelWidth - 1)] + "…" : label.PadRight(labelWidth);
            lines.Add($"{name} {new string('█', length).PadRight(barWidth)} {HumanNumber.Count(mean).PadLeft(numberWidth)}");
        }
        return lines;
    }

    private static IEnumerable<(string Label, double Mean)> Stages(SimulationResult result, string indication,
        IReadOnlyDictionary<string, MetricSummary> metrics)
    {
        var scenario = result.Scenario.Indications.FirstOrDefault(i => i.Id == indication);
        var names = new List<(string, string)> { (MetricNames.Incident, "Incident") };
        if (scenario is not null) names.AddRange(scenario.PreTestSteps.Select(s => (s.Id, s.Name ?? s.Id)));
        names.Add((MetricNames.LaterLine, "Later line"));
        names.Add((MetricNames.FusionPositive, "NRG1 fusion-positive"));
        names.Add((MetricNames.Identified, "Identified"));
        if (scenario is not null) names.AddRange(scenario.PostDetectionSteps.Select(s => (s.Id, s.Name ?? s.Id)));
        names.Add((MetricNames.TreatedNew, "New starts"));
        foreach (var (metric, label) in names)
            if (metrics.TryGetValue(metric, out var summary)) yield return (label, summary.Mean);
    }
}
