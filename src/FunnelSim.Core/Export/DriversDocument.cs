using System.Text.Json;
using FunnelSim.Analysis;
using FunnelSim.Model;

namespace FunnelSim.Export;

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
