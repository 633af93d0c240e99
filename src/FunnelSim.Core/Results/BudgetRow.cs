using FunnelSim.Model;

namespace FunnelSim.Results;

/// <summary>One row of the budget impact table: what a person reads, the metric it shows, and how it is written.</summary>
/// <param name="Label">The row's label (indented rows start with spaces).</param>
/// <param name="Metric">The metric name (<see cref="MetricNames"/>).</param>
/// <param name="Kind">How its values are written.</param>
public sealed record BudgetRow(string Label, string Metric, BudgetValueKind Kind);
