using System.Text.Json;

namespace FunnelSim.Results;

/// <summary>The shape of a results JSON file: the scenario echo, the run, and the summaries.</summary>
internal sealed record ResultDocument(
    JsonElement Scenario,
    RunInfo Run,
    IReadOnlyList<IndicationResult> Indications,
    TotalResult Total);
