using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>Rows shared by the workbooks: the inputs sheet, the run sheet's fields, and how a metric is shown.</summary>
internal static class WorkbookSheets
{
    /// <summary>The Inputs sheet: path, label, distribution, value, low, high, source.</summary>
    public static IEnumerable<IReadOnlyList<XlsxCell>> Inputs(IReadOnlyList<InputRow> inputs)
    {
        yield return Header("path", "label", "distribution", "value", "low", "high", "source");
        foreach (var row in inputs)
        {
            yield return [row.Path, row.Label, row.Distribution, XlsxCell.Of(row.Value, XlsxStyle.General),
                XlsxCell.Of(row.Low, XlsxStyle.General), XlsxCell.Of(row.High, XlsxStyle.General), row.Source];
        }
    }

    public static readonly double[] InputWidths = [44, 52, 40, 12, 12, 12, 80];

    /// <summary>A bold header row.</summary>
    public static XlsxCell[] Header(params string[] names) => [.. names.Select(XlsxCell.Bold)];

    /// <summary>A header row whose first columns are named and whose other columns are calendar years (numbers).</summary>
    public static XlsxCell[] YearHeader(IEnumerable<int> years, params string[] names) =>
        [.. names.Select(XlsxCell.Bold), .. years.Select(y => new XlsxCell(null, y, XlsxStyle.Header))];

    /// <summary>How a metric's values are shown: money in the currency, PMPM with cents' fractions, the threshold
    /// probability as a percentage, patients as counts.</summary>
    public static XlsxStyle StyleOf(string metric) => metric switch
    {
        MetricNames.Pmpm => XlsxStyle.Pmpm,
        MetricNames.ProbabilityExceedsThreshold => XlsxStyle.Percent,
        _ when OutputSelection.IsMoneyMetric(metric) => XlsxStyle.Money,
        _ => XlsxStyle.Count,
    };

    /// <summary>A field of the Run sheet.</summary>
    public static XlsxCell[] Field(string name, string? text) => [XlsxCell.Bold(name), text];

    /// <summary>A numeric field of the Run sheet.</summary>
    public static XlsxCell[] Field(string name, double value, XlsxStyle style = XlsxStyle.Integer) => [XlsxCell.Bold(name), XlsxCell.Of(value, style)];
}
