using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;
using System.Globalization;
using System.Text;

namespace FunnelSim.Cli;

/// <summary>
/// A tornado for people: the output and its base value, then one row per input, widest swing first, with a text bar
/// (░ from the base to the output at the input's low end, █ to its high end) and the numbers behind it. Exact
/// expectations are shown without ±; simulated ends with the swing's Monte Carlo standard error. Money outputs are shown in
/// their currency with thousands separators.
/// </summary>
internal static class TornadoTable
{
    private const int ChartWidth = 31;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(TornadoResult result, int top)
    {
        string Format(double value) => result.Currency is { } currency ? HumanNumber.Money(value, currency) : HumanNumber.Count(value);
        var text = new StringBuilder();
        var o = result.Output;
        text.AppendLine(Invariant, $"Tornado of {o.Metric} · {o.Indication} · {o.Year}{(result.ScenarioName is { } n ? $" — {n}" : "")}");
        bool exact = result.Method == TornadoMethod.Expectation;
        if (exact)
            text.AppendLine(Invariant, $"  base, every input at its mean: {Format(result.BaseOutput)}; exact expectation (no Monte Carlo error)");
        else
            text.AppendLine(Invariant, $"  base, every input at its mean: {Format(result.BaseOutput)} (MCSE {Format(result.BaseMcse)}); " +
                                       $"simulation: {result.Run.Iterations:N0} iterations per bar end, seed {result.Run.Seed}, shared random streams");
        if (result.Bars.Count == 0)
        {
            text.AppendLine("  no uncertain input moves this output.");
            AppendNoEffect(text, result);
            return text.ToString();
        }
        text.AppendLine();

        var shown = result.Bars.Take(top).ToArray();
        double min = shown.Min(b => Math.Min(b.OutputAtLow, b.OutputAtHigh)), max = shown.Max(b => Math.Max(b.OutputAtLow, b.OutputAtHigh));
        min = Math.Min(min, result.BaseOutput);
        max = Math.Max(max, result.BaseOutput);
        var rows = shown.Select((b, i) => new[]
        {
            (i + 1).ToString(Invariant),
            Chart(b, result.BaseOutput, min, max),
            $"{Format(b.OutputAtLow)} → {Format(b.OutputAtHigh)}",
            exact ? Format(b.Swing) : $"{Format(b.Swing)} ± {Format(b.SwingMcse)}",
            $"{Value(b.Input.Low)} → {Value(b.Input.High)}",
            b.Input.Path,
            b.Input.Label,
        }).ToList();
        string[] header = ["#", $"{Format(min)} … {Format(max)}", "output low → high", exact ? "swing" : "swing ± MCSE",
            "input low → high", "path", "input"];
        int[] widths = Enumerable.Range(0, header.Length).Select(c => rows.Append(header).Max(r => r[c].Length)).ToArray();
        AppendRow(text, header, widths);
        foreach (var row in rows) AppendRow(text, row, widths);
        if (result.Bars.Count > shown.Length)
            text.AppendLine(Invariant, $"  … {Plural(result.Bars.Count - shown.Length, "more input")} with smaller swings (--top, or all in --format json|csv)");
        text.AppendLine();
        text.AppendLine("  Each input in turn at its low and high end (the written 95% range, or the 2.5th and 97.5th percentiles of an");
        text.AppendLine("  explicit distribution), every other input at its mean. ░ base → output with the input low; █ base → output");
        text.AppendLine(exact
            ? "  with it high; │ the base. Exact expectations of the output: the bars carry no sampling noise."
            : "  with it high; │ the base. ± is the Monte Carlo standard error of the swing.");
        AppendNoEffect(text, result);
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (int c = 0; c < cells.Length; c++)
        {
            bool last = c == cells.Length - 1;
            bool right = c is 0;
            text.Append(last ? cells[c] : right ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
            if (!last) text.Append("  ");
        }
        text.AppendLine();
    }

    private static void AppendNoEffect(StringBuilder text, TornadoResult result)
    {
        if (result.NoEffect.Count == 0) return;
        string why = result.Currency is null
            ? "other indications, later funnel stages, ramp targets before their ramp, or costs"
            : "other indications, ramp targets before their ramp, no change in any of these iterations, or a cost both worlds pay alike, such as tests in a budget impact";
        text.AppendLine(Invariant, $"  {Plural(result.NoEffect.Count, "more input")} without effect on this output ({why}).");
    }

    /// <summary>The bar on a scale from <paramref name="min"/> to <paramref name="max"/>, the base marked │.</summary>
    internal static string Chart(TornadoBar bar, double baseValue, double min, double max) =>
        Ui.Presentation.TornadoChart.Bar(bar, baseValue, min, max, ChartWidth);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>An input value as it would be written: up to seven decimals, thousands separated, invariant culture.</summary>
    internal static string Value(double value) =>
        // Enough decimals to tell 0.99999 from 1: inputs are shown as written, not rounded to look tidy.
        value.ToString(Math.Abs(value) >= 1000 ? "#,0.##" : "0.#######", Invariant);
}
