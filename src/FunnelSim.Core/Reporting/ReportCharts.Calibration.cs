using FunnelSim.Calibration;
using ScottPlot;

namespace FunnelSim.Reporting;

public static partial class ReportCharts
{
    private static readonly Color PriorColor = Color.FromHex("#9D9D9D");

    /// <summary>The element id of the calibration chart of one projected series.</summary>
    public static string CalibrationId(string indication, string metric) => $"calibration-{Slug(indication)}-{Slug(metric)}";

    /// <summary>One chart per projected series of <paramref name="calibration"/>: the prior and posterior predictive bands
    /// and means over the years, and the observed counts as points.</summary>
    internal static IEnumerable<ReportChart> Calibration(CalibrationResult calibration)
    {
        foreach (var series in calibration.Projection.GroupBy(r => (r.Indication, r.Metric)))
        {
            var rows = series.OrderBy(r => r.Year).ToArray();
            double[] xs = [.. rows.Select(r => (double)r.Year)];
            var plot = NewPlot();
            var prior = plot.Add.FillY(xs, [.. rows.Select(r => r.Prior.P5)], [.. rows.Select(r => r.Prior.P95)]);
            prior.FillColor = PriorColor.WithAlpha(0.25);
            prior.LineWidth = 0;
            prior.LegendText = "prior: 90% interval";
            var posterior = plot.Add.FillY(xs, [.. rows.Select(r => r.Posterior.P5)], [.. rows.Select(r => r.Posterior.P95)]);
            posterior.FillColor = BandColor.WithAlpha(0.3);
            posterior.LineWidth = 0;
            posterior.LegendText = "posterior: 90% interval";
            var priorMean = plot.Add.Scatter(xs, [.. rows.Select(r => r.Prior.Mean)]);
            priorMean.Color = PriorColor;
            priorMean.LinePattern = LinePattern.Dashed;
            priorMean.LineWidth = 1.5f;
            priorMean.MarkerSize = 0;
            priorMean.LegendText = "prior mean";
            var posteriorMean = plot.Add.Scatter(xs, [.. rows.Select(r => r.Posterior.Mean)]);
            posteriorMean.Color = FlowColor;
            posteriorMean.LineWidth = 2;
            posteriorMean.MarkerSize = 4;
            posteriorMean.LegendText = "posterior mean";
            var observed = rows.Where(r => r.Observed is not null).ToArray();
            double high = rows.Max(r => Math.Max(r.Prior.P95, r.Posterior.P95));
            if (observed.Length > 0)
            {
                double[] years = [.. observed.Select(r => (double)r.Year)];
                double[] counts = [.. observed.Select(r => (double)r.Observed!.Value)];
                var points = plot.Add.ScatterPoints(years, counts);
                points.Color = Colors.Black;
                points.MarkerSize = 9;
                points.MarkerShape = MarkerShape.FilledDiamond;
                points.LegendText = "observed";
                high = Math.Max(high, observed.Max(r => (double)r.Observed!.Value));
            }
            plot.Axes.SetLimitsY(0, Math.Max(1, high) * 1.12);
            plot.Axes.SetLimitsX(xs[0] - 0.3, xs[^1] + 0.3);
            plot.Axes.Bottom.SetTicks(xs, [.. rows.Select(r => r.Year.ToString(Invariant))]);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => ReportNumbers.Axis(v, false) };
            plot.YLabel("patients per year", 12);
            string title = $"{series.Key.Indication} {series.Key.Metric}: before and after the data";
            plot.Title(title);
            plot.ShowLegend(Edge.Bottom);
            yield return new ReportChart(CalibrationId(series.Key.Indication, series.Key.Metric), title, plot, 620, 400);
        }
    }
}
