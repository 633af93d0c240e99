using FunnelSim.Model;

namespace FunnelSim.Results;

/// <summary>The outcome of a run: the scenario as run, how it was run, and the summaries.</summary>
/// <param name="Scenario">The scenario as run (command-line overrides applied).</param>
/// <param name="Run">Iterations, seed, engine version, threads, time.</param>
/// <param name="Indications">Per indication and year.</param>
/// <param name="Total">Summed over indications.</param>
public sealed record SimulationResult(Scenario Scenario, RunInfo Run, IReadOnlyList<IndicationResult> Indications, TotalResult Total)
{
    /// <summary>The years of <paramref name="indicationId"/>, or of the total for <c>total</c>; null when unknown.</summary>
    public IReadOnlyList<YearResult>? YearsOf(string indicationId) =>
        indicationId == "total" ? Total.Years : Indications.FirstOrDefault(i => i.Id == indicationId)?.Years;
}
