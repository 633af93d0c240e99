using System.Globalization;
using System.Text;
using FunnelSim.Results;
using FunnelSim.Sweeps;

namespace FunnelSim.Export;

/// <summary>
/// The summary table of a sweep, for spreadsheets: one row per point × indication (or <c>total</c>) × year × metric,
/// with each axis's value in its own column (named by the axis path), every metric of the point's results — the funnel
/// counts and, with costs, the money metrics in currency units, PMPM and the threshold probability — and the iterations
/// each row summarises (fewer for <c>budgetImpactPerTreated</c> when some iterations treat nobody; its other fields are
/// empty when none does). Invariant culture.
/// </summary>
public sealed class SweepCsv
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts the table with its header row.</summary>
    public SweepCsv(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        _text.Append("point");
        foreach (var axis in axes) _text.Append(',').Append(CsvText.Field(axis.Path));
        _text.Append(",indication,year,metric,mean,sd,mcse,p5,p10,p25,p50,p75,p90,p95,min,max,iterations\n");
    }

    /// <summary>Adds the rows of one point's result.</summary>
    public void Add(SweepPoint point, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(result);
        var prefix = new StringBuilder(point.Index.ToString(CultureInfo.InvariantCulture));
        foreach (double value in point.Values) prefix.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
        foreach (var indication in result.Indications) Rows(prefix.ToString(), indication.Id, indication.Years, result.Run.Iterations);
        Rows(prefix.ToString(), "total", result.Total.Years, result.Run.Iterations);
    }

    /// <summary>The CSV text, header included.</summary>
    public override string ToString() => _text.ToString();

    private void Rows(string prefix, string group, IReadOnlyList<YearResult> years, long iterations)
    {
        foreach (var year in years)
        {
            foreach (var (metric, s) in year.Metrics)
            {
                _text.Append(prefix).Append(',').Append(CsvText.Field(group)).Append(',')
                    .Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(',').Append(CsvText.Field(metric));
                // A conditional metric defined in no iteration (nobody treated) has no value: empty fields, not zeros.
                bool empty = s.Iterations == 0;
                foreach (double value in (double[])[s.Mean, s.Sd, s.Mcse, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Min, s.Max])
                    _text.Append(',').Append(empty ? "" : value.ToString("R", CultureInfo.InvariantCulture));
                _text.Append(',').Append((s.Iterations ?? iterations).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }
}
