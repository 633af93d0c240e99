using FunnelSim.Results;

namespace FunnelSim.Summaries;

/// <summary>
/// Totals over the whole horizon, summed per iteration over the years and then summarised (mean, percentiles), per
/// indication and for the total: the commercial view's cumulative new starts, doses and drug sales. The interval of a
/// sum is not the sum of the intervals, so these come from the iterations, not from the yearly summaries.
/// </summary>
/// <param name="Indications">Per indication id, each summed metric's summary.</param>
/// <param name="Total">The total's summed metrics.</param>
public sealed record HorizonTotals(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricSummary>> Indications,
    IReadOnlyDictionary<string, MetricSummary> Total)
{
    /// <summary>The summed metrics of indication <paramref name="id"/>, or of the total when it is null; null when unknown.</summary>
    public IReadOnlyDictionary<string, MetricSummary>? Of(string? id) => id is null ? Total : Indications.GetValueOrDefault(id);
}
