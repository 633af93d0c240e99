namespace FunnelSim.Results;

/// <summary>All metrics of one calendar year, in report order.</summary>
/// <param name="Year">Calendar year (startYear + year index).</param>
/// <param name="Metrics">Metric name → summary, in report order.</param>
public sealed record YearResult(int Year, IReadOnlyDictionary<string, MetricSummary> Metrics);
