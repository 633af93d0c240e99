using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Results;
using System.Globalization;

namespace FunnelSim.Export;

/// <summary>
/// A run's results as an Excel workbook (.xlsx): a sheet for the total and one per indication (metrics as rows in
/// funnel order, each as mean, P5 and P95; calendar years as columns), with costs a <c>Budget</c> sheet laid out like
/// the terminal budget table, an <c>Inputs</c> sheet and a <c>Run</c> sheet (provenance). Numbers are numbers with
/// number formats (counts, the scenario's currency, percentages), never text.
/// </summary>
public static class ResultWorkbook
{
    /// <summary>The statistics each metric shows, in row order.</summary>
    public static readonly IReadOnlyList<string> Statistics = ["mean", "P5", "P95"];

    /// <summary>Writes the workbook of <paramref name="result"/> to <paramref name="stream"/>.</summary>
    /// <param name="result">The results (all metrics, or the budget view's).</param>
    /// <param name="stream">Where the .xlsx goes (left open).</param>
    /// <param name="created">When the workbook is made (the Run sheet says so); default now.</param>
    public static void Write(SimulationResult result, Stream stream, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var scenario = result.Scenario;
        using var book = new XlsxBook(stream, scenario.Costs?.Currency);
        var years = result.Total.Years.Select(y => y.Year).ToArray();
        double[] widths = [30, 10, .. years.Select(_ => 16.0)];
        book.AddSheet("Total", MetricRows(years, result.Total.Years), widths);
        foreach (var indication in result.Indications) book.AddSheet(indication.Id, MetricRows(years, indication.Years), widths);
        if (scenario.Costs is not null) book.AddSheet("Budget", BudgetRows(result), [40, 24, 10, .. years.Select(_ => 16.0)]);
        book.AddSheet("Inputs", WorkbookSheets.Inputs(InputTable.Rows(ModelCompiler.Compile(scenario))), WorkbookSheets.InputWidths);
        book.AddSheet("Run", RunRows(result, created ?? DateTimeOffset.UtcNow), [24, 90], freezeHeader: false);
    }

    /// <summary>The rows of an indication's (or the total's) sheet.</summary>
    internal static IEnumerable<IReadOnlyList<XlsxCell>> MetricRows(int[] years, IReadOnlyList<YearResult> results)
    {
        yield return WorkbookSheets.YearHeader(years, "metric", "statistic");
        foreach (string metric in results[0].Metrics.Keys)
        {
            var style = WorkbookSheets.StyleOf(metric);
            var summaries = results.Select(y => y.Metrics.GetValueOrDefault(metric)).ToArray();
            foreach (string statistic in Statistics)
                yield return [metric, statistic, .. summaries.Select(s => Value(s, statistic, style))];
        }
    }

    /// <summary>A summary's statistic as a cell; empty where the metric has no value (no iteration defines it).</summary>
    internal static XlsxCell Value(MetricSummary? s, string statistic, XlsxStyle style) => s is null || s.Iterations == 0
        ? XlsxCell.Empty
        : XlsxCell.Of(statistic switch { "P5" => s.P5, "P95" => s.P95, _ => s.Mean }, style);

    private static IEnumerable<IReadOnlyList<XlsxCell>> BudgetRows(SimulationResult result)
    {
        var years = result.Total.Years;
        var costs = result.Scenario.Costs!;
        yield return WorkbookSheets.YearHeader(years.Select(y => y.Year), "row", "metric", "statistic");
        foreach (var (heading, rows) in BudgetReport.Sections)
        {
            var present = rows.Where(r => years[0].Metrics.ContainsKey(r.Metric)).ToArray();
            if (present.Length == 0) continue;
            yield return [XlsxCell.Bold(heading)];
            foreach (var row in present)
            {
                string label = row.Metric == MetricNames.ProbabilityExceedsThreshold && costs.BudgetThreshold is { } t
                    ? $"P(impact > {t.ToString("#,0.##", CultureInfo.InvariantCulture)} {costs.Currency})"
                    : row.Label;
                foreach (var line in BudgetRow(label, row.Metric, years)) yield return line;
            }
        }
        if (result.Indications.Count > 1)
        {
            yield return [XlsxCell.Bold("Budget impact by indication")];
            foreach (var indication in result.Indications)
                foreach (var line in BudgetRow(indication.Name ?? indication.Id, MetricNames.BudgetImpact, indication.Years)) yield return line;
        }
    }

    private static IEnumerable<IReadOnlyList<XlsxCell>> BudgetRow(string label, string metric, IReadOnlyList<YearResult> years)
    {
        var style = WorkbookSheets.StyleOf(metric);
        var summaries = years.Select(y => y.Metrics.GetValueOrDefault(metric)).ToArray();
        string[] statistics = metric == MetricNames.ProbabilityExceedsThreshold ? ["mean"] : [.. Statistics];
        for (int i = 0; i < statistics.Length; i++)
            yield return [i == 0 ? label : null, metric, statistics[i], .. summaries.Select(s => Value(s, statistics[i], style))];
        if (summaries.Any(s => s?.Iterations is not null))
            yield return [null, metric, "n", .. summaries.Select(s => s?.Iterations is { } n ? XlsxCell.Of(n, XlsxStyle.Integer) : XlsxCell.Empty)];
    }

    private static IEnumerable<IReadOnlyList<XlsxCell>> RunRows(SimulationResult result, DateTimeOffset created)
    {
        var scenario = result.Scenario;
        var run = result.Run;
        yield return WorkbookSheets.Field("scenario", scenario.Name ?? "");
        yield return WorkbookSheets.Field("scenario SHA-256", ScenarioHash.OfCanonical(scenario));
        yield return WorkbookSheets.Field("SHA-256 of", ScenarioHash.CanonicalForm);
        yield return WorkbookSheets.Field("start year", scenario.StartYear);
        yield return WorkbookSheets.Field("years", scenario.Years);
        yield return WorkbookSheets.Field("population", scenario.Population is PlanPopulation plan
            ? $"plan of {plan.Members.ToString("#,0", CultureInfo.InvariantCulture)} members" : "national");
        yield return WorkbookSheets.Field("iterations", run.Iterations);
        yield return WorkbookSheets.Field("seed", run.Seed);
        yield return WorkbookSheets.Field("sampling", run.Sampling);
        yield return WorkbookSheets.Field("engine version", run.EngineVersion);
        yield return WorkbookSheets.Field("threads", run.Threads);
        yield return WorkbookSheets.Field("elapsed seconds", run.ElapsedSeconds, XlsxStyle.General);
        if (scenario.Costs is { } costs)
        {
            yield return WorkbookSheets.Field("currency", costs.Currency);
            yield return WorkbookSheets.Field("cost year", costs.CostYear);
            yield return WorkbookSheets.Field("discount rate", costs.DiscountRate, XlsxStyle.Percent);
            if (costs.BudgetThreshold is { } threshold) yield return WorkbookSheets.Field("budget threshold", threshold, XlsxStyle.Money);
        }
        yield return WorkbookSheets.Field("written", created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        yield return WorkbookSheets.Field("statistics", "mean over iterations; P5 and P95 percentiles (type 7); every statistic in the JSON results");
    }
}
