using System.Text.Json;
using FunnelSim.Analysis;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>The JSON shape of a comparison: both scenarios as run, the run settings, then the compared metrics.</summary>
internal sealed record ComparisonDocument(
    JsonElement ScenarioA,
    JsonElement ScenarioB,
    RunInfo Run,
    IReadOnlyList<IndicationComparison> Indications,
    TotalComparison Total);
