using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

public static partial class HtmlReport
{
    private static void Budget(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        var result = report.Result;
        var costs = result.Scenario.Costs!;
        var years = result.Total.Years;
        string currency = costs.Currency;
        html.Append("<section id=\"budget\"><h2>Budget impact</h2>\n<p>")
            .Append(E($"ISPOR style: cost with BIZENGRI minus cost without (the same patients on the comparator), " +
                      $"{PriceBasis.Of(result.Scenario)!.Describe()}. Each cell: the mean, and below it the 90% interval (P5 to P95)."))
            .Append("</p>\n<div class=\"scroll\"><table class=\"budget\"><thead><tr><th></th>");
        foreach (var year in years) html.Append("<th>").Append(year.Year.ToString(Invariant)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var (heading, rows) in BudgetReport.Sections)
        {
            var present = rows.Where(r => years[0].Metrics.ContainsKey(r.Metric)).ToArray();
            if (present.Length == 0) continue;
            html.Append("<tr class=\"section\"><th colspan=\"").Append(years.Count + 1).Append("\">").Append(E(heading)).Append("</th></tr>\n");
            foreach (var row in present)
            {
                string label = row.Metric == MetricNames.ProbabilityExceedsThreshold && costs.BudgetThreshold is { } t
                    ? $"P(impact > {ReportNumbers.Money(t, currency)})"
                    : row.Label.Trim();
                BudgetRow(html, label, row.Label.StartsWith(' '), row.Kind, years.Select(y => y.Metrics.GetValueOrDefault(row.Metric)), currency);
            }
        }
        if (result.Indications.Count > 1)
        {
            html.Append("<tr class=\"section\"><th colspan=\"").Append(years.Count + 1).Append("\">Budget impact by indication</th></tr>\n");
            foreach (var indication in result.Indications)
                BudgetRow(html, indication.Name ?? indication.Id, false, BudgetValueKind.Money,
                    indication.Years.Select(y => y.Metrics.GetValueOrDefault(MetricNames.BudgetImpact)), currency);
        }
        html.Append("</tbody></table></div>\n<p class=\"note\">¹ Budget impact ÷ patients on BIZENGRI in the year, over the iterations ")
            .Append("with at least one such patient (n); undefined, and left out, in a year with none.");
        if (costs.BudgetThreshold is { } threshold)
            html.Append(E($" ² Threshold {ReportNumbers.Money(threshold, currency)} a year: the share of iterations whose budget impact exceeds it."));
        html.Append("</p>\n");
        Figure(html, charts, "budget-impact", costs.BudgetThreshold is null
            ? "The annual budget impact of the total; no threshold is set (costs.budgetThreshold, or --threshold of the budget command)."
            : "The annual budget impact of the total against the threshold.");
        html.Append("</section>\n");
    }

    private static void BudgetRow(StringBuilder html, string label, bool indented, BudgetValueKind kind,
        IEnumerable<MetricSummary?> summaries, string currency)
    {
        html.Append("<tr><th scope=\"row\"").Append(indented ? " class=\"indent\"" : "").Append('>').Append(E(label)).Append("</th>");
        foreach (var s in summaries)
        {
            html.Append("<td>");
            if (s is not null)
            {
                html.Append(E(ReportNumbers.Value(s.Mean, kind, currency, s.Iterations)));
                if (kind != BudgetValueKind.Probability && s.Iterations != 0)
                    html.Append("<br/><span class=\"interval\">").Append(E(ReportNumbers.Interval(s, kind, currency))).Append("</span>");
                if (s.Iterations is { } n) html.Append("<br/><span class=\"interval\">").Append(E($"(n = {n:N0})")).Append("</span>");
            }
            html.Append("</td>");
        }
        html.Append("</tr>\n");
    }

    private static void Sensitivity(StringBuilder html, Report report, Dictionary<string, ReportChart> charts)
    {
        html.Append("<section id=\"sensitivity\"><h2>Sensitivity</h2>\n<p>One-way sensitivity (tornado): each uncertain input in turn ")
            .Append("at the low and high end of its range, every other input at its mean. New starts are exact expectations (no ")
            .Append("Monte Carlo noise); money has no exact expectation and is the mean over iterations on common random numbers.</p>\n");
        foreach (var tornado in report.Tornadoes)
        {
            html.Append("<h3>").Append(E(ReportCharts.TornadoTitle(tornado))).Append("</h3>\n");
            if (tornado.Bars.Count == 0)
            {
                html.Append("<p>No uncertain input moves this output.</p>\n");
                continue;
            }
            Figure(html, charts, ReportCharts.TornadoId(tornado.Output.Metric), null);
            var shown = tornado.Bars.Take(report.Options.TornadoBars).ToArray();
            html.Append("<table class=\"tornado\"><thead><tr><th>Input</th><th>Low</th><th>High</th><th>Output at low</th><th>Output at high</th><th>Swing</th></tr></thead><tbody>\n");
            foreach (var bar in shown)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(bar.Input.Label)).Append("<br/><code>").Append(E(bar.Input.Path)).Append("</code></th>")
                    .Append("<td>").Append(E(Plain(bar.Input.Low))).Append("</td><td>").Append(E(Plain(bar.Input.High))).Append("</td>")
                    .Append("<td>").Append(E(ReportCharts.Format(bar.OutputAtLow, tornado.Currency))).Append("</td>")
                    .Append("<td>").Append(E(ReportCharts.Format(bar.OutputAtHigh, tornado.Currency))).Append("</td>")
                    .Append("<td>").Append(E(ReportCharts.Format(bar.Swing, tornado.Currency))).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
            int rest = tornado.Bars.Count - shown.Length;
            html.Append("<p class=\"note\">").Append(E(
                $"{(rest > 0 ? $"{rest} narrower bars not shown; " : "")}{tornado.NoEffect.Count} inputs cannot move this output. " +
                (tornado.Method == TornadoMethod.Expectation
                    ? "Method: exact expectation."
                    : $"Method: simulation, {tornado.Run.Iterations:N0} iterations per end, seed {tornado.Run.Seed}; the base output's Monte Carlo standard error is {ReportCharts.Format(tornado.BaseMcse, tornado.Currency)}.")))
                .Append("</p>\n");
        }
        html.Append("</section>\n");
    }

    private static void Inputs(StringBuilder html, Report report)
    {
        html.Append("<section id=\"inputs\"><h2>Inputs</h2>\n<p>Every input of the scenario as run: its distribution across iterations, ")
            .Append("its mean, its range (the written low and high, else the 2.5th and 97.5th percentiles) and where the number comes from.</p>\n")
            .Append("<div class=\"scroll\"><table class=\"inputs\"><thead><tr><th>Input</th><th>Distribution</th><th>Value</th><th>Low</th><th>High</th><th>Source</th></tr></thead><tbody>\n");
        foreach (var row in report.Inputs)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row.Label)).Append("<br/><code>").Append(E(row.Path)).Append("</code></th>")
                .Append("<td>").Append(E(row.Distribution)).Append("</td>")
                .Append("<td>").Append(E(Plain(row.Value))).Append("</td><td>").Append(E(Plain(row.Low))).Append("</td><td>").Append(E(Plain(row.High))).Append("</td>")
                .Append("<td class=\"source\">").Append(E(row.Source ?? "—")).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Provenance(StringBuilder html, Report report)
    {
        var run = report.Result.Run;
        var scenario = report.Result.Scenario;
        html.Append("<section id=\"provenance\"><h2>Provenance</h2>\n<p>Enough to reproduce every number above: the same scenario, ")
            .Append("seed and iterations give the same results on any machine and thread count.</p>\n<dl>");
        foreach (var (term, value) in new (string, string)[]
        {
            ("Scenario", $"{scenario.Name ?? "(unnamed)"} — {report.Source.Label}"),
            ("Scenario SHA-256", report.Source.ScenarioSha256),
            ("SHA-256 of", report.Source.HashOf),
            // An overlay's bytes do not cover its base: the scenario as run is fingerprinted as well.
            ("Scenario as run, SHA-256", $"{Export.ScenarioHash.OfCanonical(scenario)} (of its canonical form)"),
            ("Seed", run.Seed.ToString(Invariant)),
            ("Iterations", $"{run.Iterations:N0}"),
            ("Sampling", run.Sampling),
            ("Engine version", run.EngineVersion),
            ("Report made", report.Source.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant)),
            ("Rerun", $"funnelsim run SCENARIO --seed {run.Seed} --iterations {run.Iterations}"),
        })
        {
            html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }
        html.Append("</dl>\n</section>\n");
    }

    // An input's value: probabilities and amounts alike, up to six significant digits, invariant culture.
    private static string Plain(double value) => Math.Abs(value) >= 1000
        ? value.ToString("#,0.##", Invariant)
        : value.ToString("G6", Invariant);

    private const string Style = """

        :root { color-scheme: light; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d2733; background: #f6f7f9; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; background: #fff; }
        h1 { font-size: 1.6em; margin: 0.4em 0 0.2em; }
        h2 { font-size: 1.25em; border-bottom: 2px solid #4C78A8; padding-bottom: 2px; margin-top: 1.6em; }
        h3 { font-size: 1.05em; margin-top: 1.2em; }
        .lede { color: #4a5663; margin: 0; }
        nav ul { list-style: none; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
        nav a { color: #2f5d8a; text-decoration: none; }
        table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e3e6ea; text-align: right; vertical-align: top; }
        th[scope=row], thead th:first-child { text-align: left; }
        thead th { border-bottom: 2px solid #c9ced4; }
        tr.section th { text-align: left; background: #eef2f6; }
        th.indent { padding-left: 26px; font-weight: normal; }
        .headline td { min-width: 180px; }
        .big { font-size: 1.35em; font-weight: 600; }
        .interval, .note, figcaption { color: #5b6672; font-size: 0.88em; }
        .scroll { overflow-x: auto; }
        table.inputs th[scope=row], table.tornado th[scope=row] { font-weight: normal; max-width: 360px; }
        table.inputs td.source { text-align: left; max-width: 320px; font-size: 0.88em; }
        code { font-size: 0.82em; color: #5b6672; }
        figure { margin: 10px 0 16px; }
        svg.chart { width: 100%; height: auto; display: block; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
        .key { font-weight: 600; }
        .key.lost { color: #c03b3a; } .key.fp { color: #c8660c; } .key.found { color: #3c7d35; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
        dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          figure, table.headline, tr, dl { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          .scroll { overflow: visible; }
          .grid { grid-template-columns: 1fr 1fr; }
        }
        @page { size: A4; margin: 14mm; }

        """;
}
