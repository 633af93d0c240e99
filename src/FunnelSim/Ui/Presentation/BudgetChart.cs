using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// Annual budget impact per year with its 90% band, as text bars: a bar from zero to the mean (█), the band from P5
/// to P95 drawn as ├──┤ around it, and the payer's threshold as a dotted line (┊) when one is set. The scale is linear,
/// shared by all years, and includes zero, so a saving (a negative impact) draws to the left of the zero line. In a
/// small plan most iterations have no patient at all: the band is then $0–$0 and the mean stands outside it.
/// </summary>
public static class BudgetChart
{
    /// <summary>
    /// The chart of <paramref name="indication"/> (an id or <see cref="ResultSelection.Total"/>) within
    /// <paramref name="width"/> columns; <paramref name="withAxis"/> adds a line with the scale's ends.
    /// </summary>
    public static IReadOnlyList<string> Lines(SimulationResult result, string indication, int width, bool withAxis = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scenario.Costs is not { } costs) return ["no costs in this scenario"];
        var years = result.YearsOf(indication);
        if (years is null) return ["no results for this indication"];
        var series = years.Where(y => y.Metrics.ContainsKey(MetricNames.BudgetImpact))
            .Select(y => (y.Year, Summary: y.Metrics[MetricNames.BudgetImpact])).ToList();
        string currency = costs.Currency;
        string Money(double value) => HumanNumber.ShortBudget(value, BudgetValueKind.Money, BudgetTableRows.ShortFrom, currency);
        double? threshold = costs.BudgetThreshold;
        string name = indication == ResultSelection.Total ? "all indications" : indication.ToUpperInvariant();
        string marker = threshold is { } t ? $"; threshold {HumanNumber.Money(t, currency)} ┊" : "";
        string title = $"Annual budget impact, {name} — mean █ and 90% band P5–P95 ├─┤{marker}";
        if (title.Length > width) title = $"Impact per year, {name} — mean █, P5–P95 ├─┤{marker}";
        var lines = new List<string> { title };
        if (series.Count == 0) return [.. lines, "no data"];

        var texts = series.Select(s => $"{HumanNumber.Money(s.Summary.Mean, currency)} ({Money(s.Summary.P5)}–{Money(s.Summary.P95)})").ToList();
        int textWidth = texts.Max(t => t.Length);
        int barWidth = Math.Max(10, width - 5 - textWidth - 2);
        // A skewed impact (most iterations without a patient) can have its mean above P95: the scale holds both.
        double low = Math.Min(0, series.Min(s => Math.Min(s.Summary.P5, s.Summary.Mean)));
        double high = Math.Max(0, series.Max(s => Math.Max(s.Summary.P95, s.Summary.Mean)));
        if (threshold is { } limit && limit > high && limit <= high * 1.5) high = limit;
        if (high - low <= 0) high = low + 1;
        int Column(double value) => Math.Clamp((int)Math.Round((value - low) / (high - low) * (barWidth - 1)), 0, barWidth - 1);
        int zero = Column(0);
        int? thresholdColumn = threshold is { } th && th >= low && th <= high ? Column(th) : null;
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i].Summary;
            var bar = new char[barWidth];
            Array.Fill(bar, ' ');
            if (thresholdColumn is { } tc) bar[tc] = '┊';
            int mean = Column(s.Mean);
            if (s.Mean != 0)
                for (int c = Math.Min(zero, mean); c <= Math.Max(zero, mean); c++) bar[c] = '█';
            int from = Column(s.P5), to = Column(s.P95);
            for (int c = from; c <= to; c++) if (bar[c] is ' ' or '┊') bar[c] = '─';
            if (bar[from] != '█') bar[from] = '├';
            if (bar[to] != '█') bar[to] = '┤';
            lines.Add($"{series[i].Year} {new string(bar)}  {texts[i].PadLeft(textWidth)}");
        }
        if (!withAxis) return lines;
        string left = Money(low), right = Money(high);
        var axis = new char[barWidth + 5];
        Array.Fill(axis, ' ');
        Place(axis, 5, left);
        if (zero > left.Length + 1 && low < 0) Place(axis, 5 + zero, "0");
        Place(axis, Math.Max(5 + left.Length + 1, 5 + barWidth - right.Length), right);
        lines.Add(new string(axis).TrimEnd());
        return lines;
    }

    private static void Place(char[] line, int at, string text)
    {
        for (int i = 0; i < text.Length && at + i < line.Length; i++) line[at + i] = text[i];
    }
}
