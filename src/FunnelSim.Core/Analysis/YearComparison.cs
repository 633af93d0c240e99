namespace FunnelSim.Analysis;

/// <summary>One calendar year's compared metrics, by metric name.</summary>
public sealed record YearComparison(int Year, IReadOnlyDictionary<string, MetricComparison> Metrics);
