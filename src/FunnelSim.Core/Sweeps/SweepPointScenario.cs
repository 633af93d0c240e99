using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>The scenario of one sweep point: the base with the point's values set, validated.</summary>
/// <param name="Point">The point.</param>
/// <param name="Load">The validation result; its paths are scenario paths.</param>
public sealed record SweepPointScenario(SweepPoint Point, ScenarioLoadResult Load);
