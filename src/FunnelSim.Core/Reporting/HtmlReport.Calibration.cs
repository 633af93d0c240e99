using System.Text;
using FunnelSim.Calibration;

namespace FunnelSim.Reporting;

public static partial class HtmlReport
{
    /// <summary>
    /// How the scenario was calibrated: the sampler's diagnostics and warnings, each observation against the prior and
    /// posterior predictive, the inputs the data moved, and the projections before and after.
    /// </summary>
    private static void Calibration(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        var c = report.Calibration!;
        html.Append("<section id=\"").Append(CalibrationSectionId).Append("\"><h2>Calibration</h2>\n<p>")
            .Append(E($"This scenario is the posterior of '{c.Scenario.Name ?? "the prior scenario"}' given {c.Observations.Count} observed " +
                      $"counts{(report.CalibrationSource is { } source ? $" ({source})" : "")}: {c.Options.Draws:N0} posterior draws by sequential " +
                      $"Monte Carlo with likelihood tempering ({c.Stages} stages; effective sample size {c.EffectiveSampleSize:N0} at the last stage, " +
                      $"{c.MinEffectiveSampleSize:N0} at the lowest; seed {c.Options.Seed}). Likelihood: {c.Likelihood}."))
            .Append("</p>\n");
        foreach (string warning in c.Warnings) html.Append("<p class=\"note\">⚠ ").Append(E(warning)).Append(".</p>\n");

        html.Append("<table><thead><tr><th>observation</th><th>observed</th><th>prior predictive, mean (99%)</th>")
            .Append("<th>posterior predictive, mean (90%)</th></tr></thead><tbody>\n");
        foreach (var check in c.Checks)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(check.Observation.ToString())).Append("</th><td>")
                .Append(E(ReportNumbers.Count(check.Observation.Value))).Append("</td><td>")
                .Append(E($"{ReportNumbers.Count(check.PriorMean)} ({ReportNumbers.Count(check.PriorLow99)}–{ReportNumbers.Count(check.PriorHigh99)})"))
                .Append(check.Conflict ? " <strong>conflict</strong>" : "").Append("</td><td>")
                .Append(E(Interval(check.Posterior))).Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n");

        var moved = c.Parameters.Where(p => p.Updated).OrderByDescending(p => Math.Abs(p.Shift) + Math.Abs(1 - p.WidthRatio)).ToList();
        html.Append("<h3>Inputs the data moved</h3>\n<p>")
            .Append(E("Shift: the posterior mean minus the prior mean, in prior standard deviations. Width: the posterior's 90% interval " +
                      "as a share of the prior's. Inputs the observations do not depend on keep their prior exactly; the inputs table " +
                      "below lists each input as this scenario now has it."))
            .Append("</p>\n<div class=\"scroll\"><table><thead><tr><th>input</th><th>prior mean (90%)</th><th>posterior mean (90%)</th>")
            .Append("<th>shift</th><th>width</th></tr></thead><tbody>\n");
        foreach (var p in moved)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(p.Label)).Append("<br/><code>").Append(E(p.Path)).Append("</code></th><td>")
                .Append(E(Interval(p.Prior))).Append("</td><td>").Append(E(Interval(p.Posterior))).Append("</td><td>")
                .Append(E((p.Shift < 0 ? "−" : "+") + Math.Abs(p.Shift).ToString("0.0", Invariant) + " sd")).Append("</td><td>")
                .Append(E(p.WidthRatio.ToString("0%", Invariant))).Append("</td></tr>\n");
        }
        if (moved.Count == 0) html.Append("<tr><td colspan=\"5\">None: the observations are what the prior expects.</td></tr>\n");
        html.Append("</tbody></table></div>\n<div class=\"grid\">");
        foreach (var series in c.Projection.Select(r => (r.Indication, r.Metric)).Distinct())
            Figure(html, charts, ReportCharts.CalibrationId(series.Indication, series.Metric), null);
        html.Append("</div>\n<p class=\"note\">")
            .Append(E("Projections: the yearly count given prior draws (grey) and posterior draws (blue), mean and 90% interval; the " +
                      "observed counts as points (a count over part of a year is shown as observed, not scaled)."))
            .Append("</p>\n</section>\n");
    }

    private static string Interval(Interval i) =>
        $"{Formatting.HumanNumber.Estimate(i.Mean)} ({Formatting.HumanNumber.Estimate(i.P5)}–{Formatting.HumanNumber.Estimate(i.P95)})";
}
