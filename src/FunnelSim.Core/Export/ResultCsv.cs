using System.Globalization;
using System.Text;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Writes results as one CSV row per indication (or <c>total</c>) × year × metric, for spreadsheets.
/// Invariant culture: a dot for decimals, no thousands separators.
/// </summary>
public static class ResultCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "indication,year,metric,mean,sd,mcse,p5,p10,p25,p50,p75,p90,p95,min,max";

    /// <summary>The CSV text, header included.</summary>
    public static string Write(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var indication in result.Indications) Rows(text, indication.Id, indication.Years);
        Rows(text, "total", result.Total.Years);
        return text.ToString();
    }

    private static void Rows(StringBuilder text, string group, IReadOnlyList<YearResult> years)
    {
        foreach (var year in years)
        {
            foreach (var (metric, s) in year.Metrics)
            {
                text.Append(group).Append(',').Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(',').Append(metric);
                foreach (double value in (double[])[s.Mean, s.Sd, s.Mcse, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Min, s.Max])
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
    }
}
