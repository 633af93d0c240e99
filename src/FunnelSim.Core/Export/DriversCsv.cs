using System.Globalization;
using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>Writes a drivers result as CSV, one row per uncertain input, strongest first (invariant culture).</summary>
public static class DriversCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "rank,path,label,spearman,standardizedCoefficient,varianceShare,spearmanRank,regressionRank,importanceRank";

    /// <summary>The CSV text, header included.</summary>
    public static string Write(DriversResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(Header).Append('\n');
        int rank = 1;
        foreach (var p in result.Parameters)
        {
            text.Append(rank++.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvText.Field(p.Path)).Append(',').Append(CsvText.Field(p.Label));
            foreach (double value in (double[])[p.Spearman, p.StandardizedCoefficient, p.VarianceShare])
                text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            foreach (int r in (int[])[p.Ranks.Spearman, p.Ranks.Regression, p.Ranks.Importance])
                text.Append(',').Append(r.ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }
}
