using System.Collections.Immutable;

namespace FunnelSim.Model;

/// <summary>
/// A validated, immutable scenario: what is simulated, over which years, for which population.
/// Produced by <see cref="Json.ScenarioReader"/>; never constructed from unchecked input.
/// </summary>
/// <param name="SchemaVersion">Version of the scenario file format (currently 1).</param>
/// <param name="Name">Optional human name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="StartYear">Calendar year of year index 0.</param>
/// <param name="Years">Length of the horizon in years (1–30).</param>
/// <param name="Population">National or health-plan scale.</param>
/// <param name="Simulation">Iterations, seed and sampling method.</param>
/// <param name="Indications">The indications simulated, in file order.</param>
public sealed record Scenario(
    int SchemaVersion,
    string? Name,
    string? Description,
    int StartYear,
    int Years,
    Population Population,
    SimulationSettings Simulation,
    ImmutableArray<Indication> Indications)
{
    /// <summary>The only schema version this build reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Rank correlations between parameters' draws (JSON: top-level <c>correlations</c>); empty when independent.</summary>
    public ImmutableArray<Correlation> Correlations { get; init; } = [];

    /// <summary>Costs for a budget impact analysis; null: the scenario has no cost metrics.</summary>
    public Costs? Costs { get; init; }
}
