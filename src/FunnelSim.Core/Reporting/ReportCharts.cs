using System.Globalization;
using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Results;
using ScottPlot;

namespace FunnelSim.Reporting;

/// <summary>
/// The charts of a report, drawn with ScottPlot from the report's numbers: the funnel per indication, fan charts of new
/// starts and patients on treatment, the histogram of the last year's new starts, with costs the annual budget impact,
/// and the tornadoes.
/// </summary>
public static partial class ReportCharts
{
    /// <summary>The font the charts are drawn in (the SVG names fallbacks after it).</summary>
    public const string Font = "DejaVu Sans";

    private static readonly Color FlowColor = Color.FromHex("#4C78A8");
    private static readonly Color LostColor = Color.FromHex("#E45756");
    private static readonly Color FalsePositiveColor = Color.FromHex("#F58518");
    private static readonly Color PartColor = Color.FromHex("#54A24B");
    private static readonly Color BandColor = Color.FromHex("#4C78A8");
    private static readonly Color LowColor = Color.FromHex("#4C78A8");
    private static readonly Color HighColor = Color.FromHex("#F58518");
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every chart of <paramref name="report"/>, in the order the report shows them.</summary>
    public static IReadOnlyList<ReportChart> All(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var charts = new List<ReportChart>();
        if (report.Calibration is { } calibration) charts.AddRange(Calibration(calibration));
        foreach (var indication in result.Indications)
            charts.Add(Funnel(report, indication.Id, indication.Name ?? indication.Id));
        charts.Add(Fan(report, "fan-new-starts", $"New starts on BIZENGRI per year (total)", MetricNames.TreatedNew, null));
        charts.Add(Fan(report, "fan-on-treatment", $"Patients on BIZENGRI per year (total, any dose in the year)", MetricNames.OnTreatment, null));
        charts.Add(Histogram(report));
        if (report.HasCosts)
        {
            var costs = result.Scenario.Costs!;
            charts.Add(Fan(report, "budget-impact", $"Annual budget impact (total, {costs.Currency})", MetricNames.BudgetImpact, costs.BudgetThreshold));
        }
        foreach (var tornado in report.Tornadoes)
            if (tornado.Bars.Count > 0) charts.Add(Tornado(report, tornado));
        return charts;
    }

    /// <summary>The element id of the tornado chart of <paramref name="metric"/>.</summary>
    public static string TornadoId(string metric) => $"tornado-{metric}";

    private static Plot NewPlot()
    {
        Fonts.Default = Font;
        var plot = new Plot();
        plot.Axes.Title.Label.FontSize = 15;
        return plot;
    }

    private static ReportChart Funnel(Report report, string id, string name)
    {
        var stages = FunnelStage.Of(report.Result, id, report.FunnelYear);
        var plot = NewPlot();
        double[] positive = [.. stages.Select(s => s.Summary.Mean).Where(m => m > 0)];
        double floor = positive.Length == 0 ? 0 : Math.Max(-3, Math.Floor(Math.Log10(positive.Min())));
        double top = positive.Length == 0 ? 1 : Math.Ceiling(Math.Log10(positive.Max()) + 1e-9);
        var bars = new List<Bar>();
        for (int i = 0; i < stages.Count; i++)
        {
            var s = stages[i].Summary;
            bars.Add(new Bar
            {
                Position = stages.Count - 1 - i,
                // Shifted so the bars start at 0: ScottPlot labels a bar on the side its value points to.
                ValueBase = 0,
                Value = s.Mean > 0 ? Math.Max(0, Math.Log10(s.Mean) - floor) : 0,
                FillColor = ColorOf(stages[i].Kind),
                LineWidth = 0,
                Size = 0.72,
                Label = $"{ReportNumbers.Count(s.Mean)}  ({ReportNumbers.Count(s.P5)}–{ReportNumbers.Count(s.P95)})",
            });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks([.. stages.Select((_, i) => (double)(stages.Count - 1 - i))], [.. stages.Select(s => Indent(s.Label))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        double[] decades = [.. Enumerable.Range(0, (int)(top - floor) + 1).Select(k => (double)k)];
        plot.Axes.Bottom.SetTicks(decades, [.. decades.Select(d => ReportNumbers.Count(Math.Pow(10, floor + d)))]);
        plot.Axes.SetLimitsX(0, (top - floor) * 1.4);
        plot.Axes.SetLimitsY(-0.6, stages.Count - 0.4);
        plot.XLabel("patients (mean; bar length on a log scale; 90% interval in brackets)", 12);
        plot.Title($"{name}: funnel in {report.FunnelYear}");
        plot.Grid.YAxisStyle.IsVisible = false;
        return new ReportChart($"funnel-{Slug(id)}", $"{name}: funnel in {report.FunnelYear}", plot, 900, 70 + 26 * stages.Count);
    }

    private static ReportChart Fan(Report report, string chartId, string title, string metric, double? threshold)
    {
        var years = report.Result.Total.Years.Where(y => y.Metrics.ContainsKey(metric)).ToArray();
        bool money = OutputSelection.IsMoneyMetric(metric);
        var plot = NewPlot();
        double[] xs = [.. years.Select(y => (double)y.Year)];
        MetricSummary[] s = [.. years.Select(y => y.Metrics[metric])];
        var outer = plot.Add.FillY(xs, [.. s.Select(v => v.P5)], [.. s.Select(v => v.P95)]);
        outer.FillColor = BandColor.WithAlpha(0.18);
        outer.LineWidth = 0;
        outer.LegendText = "90% of iterations (P5–P95)";
        var inner = plot.Add.FillY(xs, [.. s.Select(v => v.P25)], [.. s.Select(v => v.P75)]);
        inner.FillColor = BandColor.WithAlpha(0.38);
        inner.LineWidth = 0;
        inner.LegendText = "50% of iterations (P25–P75)";
        var median = plot.Add.Scatter(xs, [.. s.Select(v => v.P50)]);
        median.Color = FlowColor;
        median.LineWidth = 2;
        median.MarkerSize = 5;
        median.LegendText = "median";
        var mean = plot.Add.Scatter(xs, [.. s.Select(v => v.Mean)]);
        mean.Color = Colors.Black;
        mean.LineWidth = 1.5f;
        mean.LinePattern = LinePattern.Dashed;
        mean.MarkerSize = 0;
        mean.LegendText = "mean";
        double low = Math.Min(0, s.Length == 0 ? 0 : s.Min(v => v.P5));
        double high = s.Length == 0 ? 1 : s.Max(v => v.P95);
        if (threshold is { } t)
        {
            var line = plot.Add.HorizontalLine(t);
            line.Color = LostColor;
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 2;
            line.LegendText = $"threshold {ReportNumbers.Money(t, report.Result.Scenario.Costs?.Currency ?? "")}";
            high = Math.Max(high, t);
            low = Math.Min(low, t);
        }
        if (high <= low) high = low + 1;
        plot.Axes.SetLimitsY(low, high + (high - low) * 0.12);
        plot.Axes.SetLimitsX(xs.FirstOrDefault() - 0.3, xs.LastOrDefault() + 0.3);
        plot.Axes.Bottom.SetTicks(xs, [.. years.Select(y => y.Year.ToString(Invariant))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => ReportNumbers.Axis(v, money) };
        plot.YLabel(money ? report.Result.Scenario.Costs?.Currency ?? "" : "patients", 12);
        plot.Title(title);
        plot.ShowLegend(Edge.Bottom);
        return new ReportChart(chartId, title, plot, 620, 400);
    }

    private static ReportChart Histogram(Report report)
    {
        int year = report.LastYear;
        var summary = report.Result.Total.Years.First(y => y.Year == year).Metrics[MetricNames.TreatedNew];
        var bands = PercentileBand.Of(summary);
        var plot = NewPlot();
        // Counts are whole numbers: a point is one patient wide.
        const double pointWidth = 1;
        var bars = new List<Bar>();
        foreach (var band in bands)
        {
            bool point = band.Density is null;
            double width = point ? pointWidth : band.To - band.From;
            bars.Add(new Bar
            {
                Position = point ? band.From : (band.From + band.To) / 2,
                Size = width,
                Value = 100 * band.Share / width,
                FillColor = FlowColor.WithAlpha(0.75),
                LineColor = Colors.White,
                LineWidth = 1,
            });
        }
        plot.Add.Bars(bars);
        var mean = plot.Add.VerticalLine(summary.Mean);
        mean.Color = Colors.Black;
        mean.LinePattern = LinePattern.Dashed;
        mean.LegendText = $"mean {ReportNumbers.Count(summary.Mean)}";
        foreach (var (value, label) in new[] { (summary.P5, "P5"), (summary.P95, "P95") })
        {
            var line = plot.Add.VerticalLine(value);
            line.Color = LostColor;
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = $"{label} {ReportNumbers.Count(value)}";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = ReportNumbers.Count };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.###", Invariant) + "%" };
        plot.Axes.Margins(bottom: 0);
        plot.XLabel($"total new starts in {year}", 12);
        plot.YLabel("% of iterations per patient", 12);
        string title = $"Distribution of total new starts in {year}";
        plot.Title(title);
        plot.ShowLegend(Edge.Bottom);
        return new ReportChart("histogram-new-starts", title, plot, 620, 400);
    }

    private static ReportChart Tornado(Report report, TornadoResult tornado)
    {
        var shown = tornado.Bars.Take(report.Options.TornadoBars).ToArray();
        bool money = tornado.Currency is not null;
        var plot = NewPlot();
        var lows = new List<Bar>();
        var highs = new List<Bar>();
        for (int i = 0; i < shown.Length; i++)
        {
            double position = shown.Length - 1 - i;
            lows.Add(new Bar { Position = position, ValueBase = tornado.BaseOutput, Value = shown[i].OutputAtLow, FillColor = LowColor, LineWidth = 0, Size = 0.7 });
            highs.Add(new Bar { Position = position, ValueBase = tornado.BaseOutput, Value = shown[i].OutputAtHigh, FillColor = HighColor, LineWidth = 0, Size = 0.7 });
        }
        var low = plot.Add.Bars(lows);
        low.Horizontal = true;
        low.LegendText = "input at its low end";
        var high = plot.Add.Bars(highs);
        high.Horizontal = true;
        high.LegendText = "input at its high end";
        var centre = plot.Add.VerticalLine(tornado.BaseOutput);
        centre.Color = Colors.Black;
        centre.LineWidth = 1;
        centre.LegendText = $"every input at its mean: {Format(tornado.BaseOutput, tornado.Currency)}";
        plot.Axes.Left.SetTicks([.. shown.Select((_, i) => (double)(shown.Length - 1 - i))], [.. shown.Select(b => Shorten(Abbreviate(report, b.Input.Label), 60))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => ReportNumbers.Axis(v, money) };
        plot.Axes.SetLimitsY(-0.6, shown.Length - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        string what = TornadoTitle(tornado);
        plot.Title(what);
        plot.XLabel(tornado.Method == TornadoMethod.Expectation
            ? "exact expectation with one input at its low or high end, every other at its mean"
            : $"mean of {tornado.Run.Iterations:N0} iterations per end (common random numbers), {tornado.Currency}", 12);
        plot.ShowLegend(Edge.Bottom);
        return new ReportChart(TornadoId(tornado.Output.Metric), what, plot, 900, 150 + 30 * shown.Length);
    }

    /// <summary>The title of a tornado: what it is of, and where.</summary>
    internal static string TornadoTitle(TornadoResult tornado) => tornado.Output.Metric switch
    {
        MetricNames.TreatedNew => $"What moves total new starts in {tornado.Output.Year}",
        MetricNames.BudgetImpact => $"What moves the budget impact in {tornado.Output.Year}",
        var m => $"What moves {m} in {tornado.Output.Year}",
    };

    internal static string Format(double value, string? currency) =>
        currency is null ? ReportNumbers.Count(value) : ReportNumbers.Money(value, currency);

    private static Color ColorOf(FunnelStageKind kind) => kind switch
    {
        FunnelStageKind.Lost => LostColor,
        FunnelStageKind.FalsePositive => FalsePositiveColor,
        FunnelStageKind.Part => PartColor,
        _ => FlowColor,
    };

    // Leading spaces would collapse in SVG text: a sub-row is marked with an arrow instead.
    private static string Indent(string label) => label.StartsWith("  ", StringComparison.Ordinal) ? "↳ " + label.TrimStart() : label;

    // An indication's name in an input's label becomes its upper-case id (NSCLC · prevalence), so labels fit beside the bars.
    private static string Abbreviate(Report report, string label)
    {
        foreach (var indication in report.Result.Scenario.Indications)
            if (indication.Name is { Length: > 0 } name && label.StartsWith(name, StringComparison.Ordinal))
                return indication.Id.ToUpperInvariant() + label[name.Length..];
        return label;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    internal static string Slug(string id) =>
        new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
