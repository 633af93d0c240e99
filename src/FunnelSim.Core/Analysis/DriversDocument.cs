using System.Text.Json;

namespace FunnelSim.Analysis;

/// <summary>The shape of a drivers JSON file.</summary>
internal sealed record DriversDocument(
    JsonElement Scenario,
    DriversOutputDocument Output,
    DriversRun Run,
    SurrogateFit? Surrogate,
    double LinearRSquared,
    int FixedParameters,
    IReadOnlyList<ParameterDriver> Parameters,
    string? Note);
