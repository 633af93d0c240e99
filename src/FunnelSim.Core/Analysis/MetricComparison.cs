using FunnelSim.Results;

namespace FunnelSim.Analysis;

/// <summary>
/// One metric in both scenarios and their paired difference.
/// </summary>
/// <param name="A">The metric's summary under scenario A.</param>
/// <param name="B">The metric's summary under scenario B.</param>
/// <param name="Difference">The distribution over iterations of B − A, each iteration paired with itself.</param>
/// <param name="ProbabilityBGreater">Share of iterations in which B exceeds A (ties count as not greater).</param>
public sealed record MetricComparison(MetricSummary A, MetricSummary B, DifferenceSummary Difference, double ProbabilityBGreater)
{
    /// <summary>Share of iterations in which B is below A.</summary>
    public double ProbabilityBLess { get; init; }

    /// <summary>Share of iterations in which B equals A (common for small counts: a tie is neither greater nor less);
    /// the three shares sum to 1 over the iterations compared.</summary>
    public double ProbabilityEqual { get; init; }
}
