using FunnelSim.Formatting;
using FunnelSim.Analysis;
using FunnelSim.Model;

namespace FunnelSim.Rendering;

/// <summary>
/// A tornado as horizontal bars for a given width: one row per input, widest swing first, each with the input's name,
/// a bar from the base (│) to the output with the input at its low end (░) and at its high end (█), and both outputs.
/// Names are shortened to fit (the indication's id instead of its long name; the tail cut with …).
/// </summary>
public static class TornadoChart
{
    private const int MinChartWidth = 10;

    /// <summary>
    /// At most <paramref name="height"/> lines of at most <paramref name="width"/> characters: a title, the scale, the
    /// bars that fit, a line counting the rest, and the legend.
    /// </summary>
    public static IReadOnlyList<string> Lines(TornadoResult result, Scenario scenario, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        width = Math.Max(width, 30);
        var lines = new List<string>();
        bool exact = result.Method == TornadoMethod.Expectation;
        string how = exact
            ? "exact expectation"
            : $"simulated, {HumanNumber.Whole(result.Run.Iterations)} iterations per end, MCSE {HumanNumber.Count(result.BaseMcse)}";
        lines.Add(Fit($"Tornado: {Describe(result.Output)} — base {HumanNumber.Count(result.BaseOutput)} ({how})", width));
        if (result.Bars.Count == 0)
        {
            lines.Add("No uncertain input moves this output: give a parameter a range (value, low, high) or a distribution.");
            return lines;
        }

        // Title, scale, legend; then as many bars as fit (at least one), with a line for the rest when some are left out.
        int room = Math.Max(1, height - 3);
        int shownCount = result.Bars.Count <= room ? result.Bars.Count : Math.Max(1, room - 1);
        var shown = result.Bars.Take(shownCount).ToArray();
        double min = Math.Min(result.BaseOutput, shown.Min(b => Math.Min(b.OutputAtLow, b.OutputAtHigh)));
        double max = Math.Max(result.BaseOutput, shown.Max(b => Math.Max(b.OutputAtLow, b.OutputAtHigh)));

        var values = shown.Select(b => $"{HumanNumber.Count(b.OutputAtLow)} → {HumanNumber.Count(b.OutputAtHigh)}").ToArray();
        int valueWidth = Math.Max(values.Max(v => v.Length), "low → high".Length);
        var labels = shown.Select(b => ShortLabel(b.Input.Path, b.Input.Label, scenario, result.Output)).ToArray();
        int free = width - valueWidth - 2;
        // Names get at most half the room left by the values; the bars the rest (never fewer than MinChartWidth cells).
        int labelWidth = Math.Clamp(labels.Max(l => l.Length), 8, Math.Max(8, Math.Min(free - MinChartWidth - 1, free / 2)));
        int chartWidth = Math.Max(MinChartWidth, free - labelWidth - 1);

        string scale = $"{HumanNumber.Count(min)}";
        string top = HumanNumber.Count(max);
        scale = scale.PadRight(Math.Max(scale.Length + 1, chartWidth - top.Length)) + top;
        lines.Add(Fit($"{"input".PadRight(labelWidth)} {scale.PadRight(chartWidth)} {"low → high"}", width));
        for (int i = 0; i < shown.Length; i++)
            lines.Add(Fit($"{Cut(labels[i], labelWidth).PadRight(labelWidth)} {Bar(shown[i], result.BaseOutput, min, max, chartWidth)} {values[i]}", width));
        if (result.Bars.Count > shown.Length)
            lines.Add(Fit($"… {result.Bars.Count - shown.Length} more input(s) with smaller swings", width));
        string noEffect = result.NoEffect.Count > 0 ? $"; {result.NoEffect.Count} input(s) cannot move it" : "";
        lines.Add(Fit($" │ base (every input at its mean)  ░ input at its low end  █ at its high end{noEffect}", width));
        return lines;
    }

    /// <summary>
    /// The bar of one input on a scale from <paramref name="min"/> to <paramref name="max"/> in
    /// <paramref name="width"/> cells: ░ from the base to the output at the low end, █ to the output at the high end,
    /// │ at the base.
    /// </summary>
    public static string Bar(TornadoBar bar, double baseValue, double min, double max, int width)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var cells = Enumerable.Repeat(' ', width).ToArray();
        int Position(double value) => max > min
            ? Math.Clamp((int)Math.Round((value - min) / (max - min) * (width - 1), MidpointRounding.AwayFromZero), 0, width - 1)
            : width / 2;
        int origin = Position(baseValue);
        void Fill(double value, char mark)
        {
            int to = Position(value);
            for (int c = Math.Min(origin, to); c <= Math.Max(origin, to); c++) cells[c] = mark;
        }
        Fill(bar.OutputAtLow, '░');
        Fill(bar.OutputAtHigh, '█');
        cells[origin] = '│';
        return new string(cells);
    }

    /// <summary>
    /// The input's name as the chart shows it: without the indication when it is the output's own indication's, else
    /// with the indication's id (<c>PDAC · testing uptake</c>) instead of its long name.
    /// </summary>
    public static string ShortLabel(string path, string label, Scenario scenario, OutputSelection output)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        int separator = label.IndexOf(" · ", StringComparison.Ordinal);
        if (separator < 0 || IndicationIndex(path) is not int i || i >= scenario.Indications.Length) return label;
        string rest = label[(separator + 3)..];
        string id = scenario.Indications[i].Id;
        return id == output.Indication ? rest : $"{id.ToUpperInvariant()} · {rest}";
    }

    /// <summary>What the output is, for people: <c>Treated (new) · PDAC · 2028</c>.</summary>
    public static string Describe(OutputSelection output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string where = output.Indication == OutputSelection.Total ? "all indications" : output.Indication.ToUpperInvariant();
        return $"{FunnelMetrics.LabelOf(output.Metric)} · {where} · {output.Year}";
    }

    /// <summary><paramref name="text"/> cut to <paramref name="width"/> characters, ending in … when cut.</summary>
    public static string Cut(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= width ? text : width <= 1 ? text[..width] : text[..(width - 1)] + "…";
    }

    private static string Fit(string line, int width) => Cut(line, width);

    private static int? IndicationIndex(string path)
    {
        const string prefix = "indications[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return null;
        int end = path.IndexOf(']', prefix.Length);
        return end > prefix.Length && int.TryParse(path.AsSpan(prefix.Length, end - prefix.Length), System.Globalization.NumberStyles.None,
            HumanNumber.Culture, out int index) ? index : null;
    }
}
