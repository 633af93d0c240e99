using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>
/// A comparison of two scenarios as an Excel workbook: a sheet for the total and one per indication (metrics as rows
/// in funnel order; for each, A's mean, B's mean, the paired difference B − A as mean, P5 and P95, and P(B &gt; A);
/// calendar years as columns), <c>Inputs A</c>, <c>Inputs B</c> and a <c>Run</c> sheet.
/// </summary>
public static class ComparisonWorkbook
{
    /// <summary>The statistics each metric shows, in row order.</summary>
    public static readonly IReadOnlyList<string> Statistics = ["A mean", "B mean", "B − A mean", "B − A P5", "B − A P95", "P(B > A)"];

    /// <summary>Writes the workbook of <paramref name="comparison"/> to <paramref name="stream"/> (left open).</summary>
    public static void Write(ComparisonResult comparison, Stream stream, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(stream);
        using var book = new XlsxBook(stream, comparison.A.Costs?.Currency ?? comparison.B.Costs?.Currency);
        var years = comparison.Total.Years.Select(y => y.Year).ToArray();
        double[] widths = [30, 12, .. years.Select(_ => 16.0)];
        book.AddSheet("Total", Rows(years, comparison.Total.Years), widths);
        foreach (var indication in comparison.Indications) book.AddSheet(indication.Id, Rows(years, indication.Years), widths);
        book.AddSheet("Inputs A", WorkbookSheets.Inputs(InputTable.Rows(ModelCompiler.Compile(comparison.A))), WorkbookSheets.InputWidths);
        book.AddSheet("Inputs B", WorkbookSheets.Inputs(InputTable.Rows(ModelCompiler.Compile(comparison.B))), WorkbookSheets.InputWidths);
        var run = comparison.Run;
        book.AddSheet("Run", [
            WorkbookSheets.Field("scenario A", comparison.A.Name ?? ""),
            WorkbookSheets.Field("scenario A SHA-256", ScenarioHash.OfCanonical(comparison.A)),
            WorkbookSheets.Field("scenario B", comparison.B.Name ?? ""),
            WorkbookSheets.Field("scenario B SHA-256", ScenarioHash.OfCanonical(comparison.B)),
            WorkbookSheets.Field("SHA-256 of", ScenarioHash.CanonicalForm),
            WorkbookSheets.Field("iterations", run.Iterations),
            WorkbookSheets.Field("seed", run.Seed),
            WorkbookSheets.Field("sampling", run.Sampling),
            WorkbookSheets.Field("engine version", run.EngineVersion),
            WorkbookSheets.Field("threads", run.Threads),
            WorkbookSheets.Field("written", (created ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
            WorkbookSheets.Field("pairing", "both scenarios on the same seed and shared random streams; B − A per iteration"),
        ], [24, 90], freezeHeader: false);
    }

    private static IEnumerable<IReadOnlyList<XlsxCell>> Rows(int[] years, IReadOnlyList<YearComparison> results)
    {
        yield return WorkbookSheets.YearHeader(years, "metric", "statistic");
        if (results.Count == 0) yield break;
        foreach (string metric in results[0].Metrics.Keys)
        {
            var style = WorkbookSheets.StyleOf(metric);
            var cells = results.Select(y => y.Metrics.GetValueOrDefault(metric)).ToArray();
            foreach (string statistic in Statistics)
            {
                yield return [metric, statistic, .. cells.Select(c => c is null ? XlsxCell.Empty : statistic switch
                {
                    "A mean" => ResultWorkbook.Value(c.A, "mean", style),
                    "B mean" => ResultWorkbook.Value(c.B, "mean", style),
                    "B − A mean" => Difference(c, c.Difference.Mean, style),
                    "B − A P5" => Difference(c, c.Difference.P5, style),
                    "B − A P95" => Difference(c, c.Difference.P95, style),
                    _ => XlsxCell.Of(c.ProbabilityBGreater, XlsxStyle.Percent),
                })];
            }
        }
    }

    private static XlsxCell Difference(MetricComparison c, double value, XlsxStyle style) =>
        c.Difference.Iterations == 0 ? XlsxCell.Empty : XlsxCell.Of(value, style);
}
