using System.Globalization;
using System.Net;
using System.Text;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>
/// Writes a report as one self-contained HTML file: styles inline, charts as inline SVG, no script and nothing
/// fetched when viewed; well-formed XML (XHTML syntax), readable on a laptop screen and printed to PDF.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The ids of the report's sections, in order (budget only with costs).</summary>
    public static readonly IReadOnlyList<string> SectionIds =
        ["headline", "funnel", "over-time", "distribution", "budget", "sensitivity", "inputs", "provenance"];

    /// <summary>The id of the calibration section, after the headline, in the report of a calibrated scenario.</summary>
    public const string CalibrationSectionId = "calibration";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The report as HTML text, with <paramref name="charts"/> (from <see cref="ReportCharts.All"/>) inline.</summary>
    public static string Write(Report report, IReadOnlyList<ReportChart> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var byId = charts.ToDictionary(c => c.Id);
        var scenario = report.Result.Scenario;
        string title = $"FunnelSim report · {scenario.Name ?? report.Source.Label}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header><h1>").Append(E(title)).Append("</h1>\n<p class=\"lede\">")
            .Append(E($"{scenario.Years} years, {scenario.StartYear}–{report.LastYear} · {Population(report)} · " +
                      $"{report.Result.Run.Iterations:N0} iterations, seed {report.Result.Run.Seed} · from {report.Source.Label}"))
            .Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(scenario.Description)) html.Append("<p class=\"description\">").Append(E(scenario.Description)).Append("</p>\n");
        html.Append("<nav><ul>");
        foreach (var (id, heading) in Headings(report)) html.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(heading)).Append("</a></li>");
        html.Append("</ul></nav>\n</header>\n");

        Headline(html, report);
        if (report.Calibration is not null) Calibration(html, report, byId);
        Funnels(html, report, byId);
        OverTime(html, report, byId);
        Distribution(html, report, byId);
        if (report.HasCosts) Budget(html, report, byId);
        Sensitivity(html, report, byId);
        Inputs(html, report);
        Provenance(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static IEnumerable<(string Id, string Heading)> Headings(Report report)
    {
        yield return ("headline", "Headline");
        if (report.Calibration is not null) yield return (CalibrationSectionId, "Calibration");
        yield return ("funnel", "Funnel");
        yield return ("over-time", "Over the years");
        yield return ("distribution", "Distribution");
        if (report.HasCosts) yield return ("budget", "Budget impact");
        yield return ("sensitivity", "Sensitivity");
        yield return ("inputs", "Inputs");
        yield return ("provenance", "Provenance");
    }

    private static void Headline(StringBuilder html, Report report)
    {
        var total = report.Result.Total.Years;
        var first = total.First(y => y.Year == report.FirstYear).Metrics;
        var last = total.First(y => y.Year == report.LastYear).Metrics;
        string currency = report.Result.Scenario.Costs?.Currency ?? "";
        html.Append("<section id=\"headline\"><h2>Headline</h2>\n")
            .Append("<p>Totals over the indications: the mean, and below it the interval holding 90% of the iterations (P5 to P95).</p>\n")
            .Append("<table class=\"headline\"><thead><tr><th></th>");
        var years = report.FirstYear == report.LastYear ? new[] { report.FirstYear } : [report.FirstYear, report.LastYear];
        foreach (int year in years) html.Append("<th>").Append(year.ToString(Invariant)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        var rows = new List<(string Label, string Metric, BudgetValueKind Kind)>
        {
            ("New starts on BIZENGRI", MetricNames.TreatedNew, BudgetValueKind.Count),
            ("Patients on BIZENGRI (any dose in the year)", MetricNames.OnTreatment, BudgetValueKind.Count),
        };
        if (report.HasCosts) rows.Add(($"Budget impact ({currency})", MetricNames.BudgetImpact, BudgetValueKind.Money));
        foreach (var (label, metric, kind) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th>");
            foreach (var metrics in years.Length == 1 ? [first] : new[] { first, last })
            {
                if (!metrics.TryGetValue(metric, out var s)) { html.Append("<td></td>"); continue; }
                html.Append("<td><span class=\"big\">").Append(E(ReportNumbers.Value(s.Mean, kind, currency))).Append("</span><br/><span class=\"interval\">90%: ")
                    .Append(E(ReportNumbers.Interval(s, kind, currency))).Append("</span></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n</section>\n");
    }

    private static void Funnels(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        html.Append("<section id=\"funnel\"><h2>Funnel in ").Append(report.FunnelYear.ToString(Invariant)).Append("</h2>\n")
            .Append("<p>Each indication's patients step by step, mean and 90% interval. ")
            .Append("<span class=\"key lost\">Red</span>: fusion-positive patients lost (never tested, or tested and missed by the test). ")
            .Append("<span class=\"key fp\">Orange</span>: patients without a fusion found positive, and those of them treated. ")
            .Append("<span class=\"key found\">Green</span>: fusion-positive patients the test found.</p>\n");
        foreach (var indication in report.Result.Indications)
            Figure(html, charts, $"funnel-{ReportCharts.Slug(indication.Id)}", null);
        html.Append("</section>\n");
    }

    private static void OverTime(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        html.Append("<section id=\"over-time\"><h2>Over the years</h2>\n<p>Fan charts: the dark band holds half of the iterations ")
            .Append("(P25–P75), the light band 90% (P5–P95); the line is the median, the dashed line the mean. Patients on treatment ")
            .Append("include those who started in an earlier year.</p>\n<div class=\"grid\">");
        Figure(html, charts, "fan-new-starts", null);
        Figure(html, charts, "fan-on-treatment", null);
        html.Append("</div>\n</section>\n");
    }

    private static void Distribution(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        var s = report.Result.Total.Years.First(y => y.Year == report.LastYear).Metrics[MetricNames.TreatedNew];
        html.Append("<section id=\"distribution\"><h2>Distribution of new starts in ").Append(report.LastYear.ToString(Invariant)).Append("</h2>\n");
        Figure(html, charts, "histogram-new-starts",
            "Drawn from the reported percentiles: between two neighbouring ones (min, P5, P10, P25, P50, P75, P90, P95, max) lies a " +
            "known share of the iterations, spread evenly over the band; detail inside a band is not known and not invented. " +
            $"Mean {ReportNumbers.Count(s.Mean)}, sd {ReportNumbers.Count(s.Sd)}, Monte Carlo standard error of the mean {ReportNumbers.Count(s.Mcse)}.");
        html.Append("</section>\n");
    }

    private static void Figure(StringBuilder html, Dictionary<string, ReportChart> charts, string id, string? caption)
    {
        if (!charts.TryGetValue(id, out var chart)) return;
        html.Append("<figure>").Append(chart.Svg());
        if (caption is not null) html.Append("<figcaption>").Append(E(caption)).Append("</figcaption>");
        html.Append("</figure>\n");
    }

    private static string Population(Report report) => report.Result.Scenario.Population switch
    {
        Model.PlanPopulation plan => $"a plan of {plan.Members:N0} members",
        _ => "national",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
