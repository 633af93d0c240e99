using System.Globalization;
using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Writes a comparison as CSV, one row per indication (or <c>total</c>) × year × metric: A's and B's mean and 90%
/// interval, the paired difference B − A, the probability that B exceeds A, the iterations the difference covers
/// (all of them, except for money where some iterations have no value), then P(B &lt; A), P(B = A) and the Monte Carlo
/// standard error of the mean difference. Money in currency units. Invariant culture.
/// </summary>
public static class ComparisonCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "indication,year,metric,aMean,aP5,aP95,bMean,bP5,bP95," +
                                 "differenceMean,differenceSd,differenceP5,differenceP50,differenceP95,probabilityBGreater,differenceIterations," +
                                 "probabilityBLess,probabilityEqual,differenceMcse";

    /// <summary>The CSV text, header included.</summary>
    public static string Write(ComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var indication in comparison.Indications) Rows(text, comparison, indication.Id, indication.Years);
        Rows(text, comparison, OutputSelection.Total, comparison.Total.Years);
        return text.ToString();
    }

    private static void Rows(StringBuilder text, ComparisonResult comparison, string group, IReadOnlyList<YearComparison> years)
    {
        foreach (var year in years)
        {
            foreach (var (metric, c) in year.Metrics)
            {
                text.Append(CsvText.Field(group)).Append(',').Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvText.Field(metric));
                var d = c.Difference;
                foreach (double value in (double[])[c.A.Mean, c.A.P5, c.A.P95, c.B.Mean, c.B.P5, c.B.P95,
                             d.Mean, d.Sd, d.P5, d.P50, d.P95, c.ProbabilityBGreater])
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                text.Append(',').Append((d.Iterations ?? comparison.Run.Iterations).ToString(CultureInfo.InvariantCulture));
                foreach (double value in (double[])[c.ProbabilityBLess, c.ProbabilityEqual, d.Mcse])
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
    }
}
