using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Analysis;

/// <summary>
/// Scenario B against scenario A, run with the same seed and shared random streams: per indication (those both
/// have, matched by id) × calendar year (those both cover) × metric (those both report), and the total.
/// </summary>
/// <param name="A">Scenario A as run (the comparison's iterations and seed).</param>
/// <param name="B">Scenario B as run.</param>
/// <param name="Run">Iterations, seed, sampling, engine version, threads and time of the comparison.</param>
/// <param name="Indications">The indications both scenarios have, in A's order.</param>
/// <param name="Total">Totals over each scenario's indications.</param>
public sealed record ComparisonResult(
    Scenario A,
    Scenario B,
    RunInfo Run,
    IReadOnlyList<IndicationComparison> Indications,
    TotalComparison Total);
