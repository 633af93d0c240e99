using System.Globalization;
using System.Text;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Writes results as one CSV row per indication (or <c>total</c>) × year × metric, for spreadsheets, with the iterations
/// each row summarises (fewer than the run's for <c>budgetImpactPerTreated</c> when some iterations treat nobody), as the
/// sweep summary has. Invariant culture: a dot for decimals, no thousands separators. Text fields via <see cref="CsvText"/>.
/// </summary>
public static class ResultCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "indication,year,metric,mean,sd,mcse,p5,p10,p25,p50,p75,p90,p95,min,max,iterations";

    /// <summary>The CSV text, header included.</summary>
    public static string Write(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var indication in result.Indications) Rows(text, indication.Id, indication.Years, result.Run.Iterations);
        Rows(text, "total", result.Total.Years, result.Run.Iterations);
        return text.ToString();
    }

    private static void Rows(StringBuilder text, string group, IReadOnlyList<YearResult> years, long iterations)
    {
        foreach (var year in years)
        {
            foreach (var (metric, s) in year.Metrics)
            {
                text.Append(CsvText.Field(group)).Append(',').Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvText.Field(metric));
                foreach (double value in (double[])[s.Mean, s.Sd, s.Mcse, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Min, s.Max])
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                text.Append(',').Append((s.Iterations ?? iterations).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }
}
