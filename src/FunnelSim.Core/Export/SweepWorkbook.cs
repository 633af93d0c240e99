using System.Globalization;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Sweeps;

namespace FunnelSim.Export;

/// <summary>
/// A sweep as an Excel workbook: a sheet for the total and one per indication, each with one row per point — the
/// point's index, a column per axis holding its value, then for every calendar year and metric the mean, P5 and P95
/// (columns named <c>treatedNew 2030 mean</c>) — and a <c>Run</c> sheet. Points are added as they finish.
/// </summary>
public sealed class SweepWorkbook
{
    private readonly IReadOnlyList<SweepAxis> _axes;
    private readonly List<(SweepPoint Point, SimulationResult Result)> _points = [];

    /// <summary>Starts the workbook of a sweep over <paramref name="axes"/>.</summary>
    public SweepWorkbook(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        _axes = axes;
    }

    /// <summary>Adds one point's results.</summary>
    public void Add(SweepPoint point, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(result);
        _points.Add((point, result));
    }

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open).</summary>
    public void Write(Stream stream, string basePath, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var first = _points.Count > 0 ? _points[0].Result : null;
        using var book = new XlsxBook(stream, first?.Scenario.Costs?.Currency);
        book.AddSheet("Total", Rows(r => r.Total.Years));
        foreach (var indication in first?.Indications ?? [])
            book.AddSheet(indication.Id, Rows(r => r.Indications.FirstOrDefault(i => i.Id == indication.Id)?.Years ?? []));
        var rows = new List<IReadOnlyList<XlsxCell>>
        {
            WorkbookSheets.Field("base scenario", basePath),
            WorkbookSheets.Field("points written", _points.Count),
        };
        rows.AddRange(_axes.Select(a => WorkbookSheets.Field("axis " + a.Path,
            string.Join(", ", a.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))));
        if (first is not null)
        {
            rows.Add(WorkbookSheets.Field("iterations", first.Run.Iterations));
            rows.Add(WorkbookSheets.Field("seed", first.Run.Seed));
            rows.Add(WorkbookSheets.Field("sampling", first.Run.Sampling));
            rows.Add(WorkbookSheets.Field("engine version", first.Run.EngineVersion));
        }
        rows.Add(WorkbookSheets.Field("written", (created ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        book.AddSheet("Run", rows, [30, 90], freezeHeader: false);
    }

    private IEnumerable<IReadOnlyList<XlsxCell>> Rows(Func<SimulationResult, IReadOnlyList<YearResult>> group)
    {
        // Columns from the first point; every point of a sweep shares the base scenario's years and metrics.
        var columns = _points.Count == 0
            ? []
            : group(_points[0].Result).SelectMany(y => y.Metrics.Keys.SelectMany(m => ResultWorkbook.Statistics.Select(s => (y.Year, Metric: m, Statistic: s)))).ToArray();
        yield return [XlsxCell.Bold("point"), .. _axes.Select(a => XlsxCell.Bold(a.Path)),
            .. columns.Select(c => XlsxCell.Bold($"{c.Metric} {c.Year.ToString(CultureInfo.InvariantCulture)} {c.Statistic}"))];
        foreach (var (point, result) in _points)
        {
            var years = group(result);
            yield return [XlsxCell.Of(point.Index, XlsxStyle.Integer), .. point.Values.Select(v => XlsxCell.Of(v, XlsxStyle.General)),
                .. columns.Select(c => ResultWorkbook.Value(years.FirstOrDefault(y => y.Year == c.Year)?.Metrics.GetValueOrDefault(c.Metric),
                    c.Statistic, WorkbookSheets.StyleOf(c.Metric)))];
        }
    }
}
