using FunnelSim.Analysis;
using FunnelSim.Results;

namespace FunnelSim.Ui.Running;

/// <summary>
/// The outcome of a run of the current scenario: its results and, when a baseline is pinned, the paired comparison
/// baseline → current (same seed, shared random streams).
/// </summary>
/// <param name="Result">The current scenario's results.</param>
/// <param name="Comparison">Baseline (A) against current (B), or null without a baseline.</param>
/// <param name="Revision">The document revision the run was made from.</param>
/// <param name="Quick">True for a live what-if run with few iterations.</param>
public sealed record WhatIf(SimulationResult Result, ComparisonResult? Comparison, int Revision, bool Quick)
{
    /// <summary>New starts, doses and drug sales summed over the horizon per iteration (the commercial view's last column).</summary>
    public FunnelSim.Summaries.HorizonTotals? Horizon { get; init; }

    /// <summary>True when the comparison replayed the baseline's kept outputs instead of simulating it again.</summary>
    public bool BaselineReplayed { get; init; }
}
