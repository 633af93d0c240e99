using System.Text.Json;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>The shape of a results JSON file: the scenario echo, the run, and the summaries.</summary>
internal sealed record ResultDocument(
    JsonElement Scenario,
    RunInfo Run,
    IReadOnlyList<IndicationResult> Indications,
    TotalResult Total)
{
    /// <summary>What the money amounts are (cost-year prices, nominal or constant, discounted or not); null without costs.</summary>
    public PriceBasis? Prices { get; init; }
}
