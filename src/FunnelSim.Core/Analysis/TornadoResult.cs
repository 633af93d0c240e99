namespace FunnelSim.Analysis;

/// <summary>A one-way sensitivity analysis (tornado) of one output.</summary>
/// <param name="ScenarioName">Name of the scenario analysed.</param>
/// <param name="Output">The output, with its year resolved.</param>
/// <param name="BaseOutput">Mean of the output with every input at its mean.</param>
/// <param name="BaseMcse">Monte Carlo standard error of <paramref name="BaseOutput"/>.</param>
/// <param name="Bars">One bar per input that moves the output, widest swing first (ties in document order).</param>
/// <param name="NoEffect">Inputs that cannot move this output or did not move it at all (swing exactly 0), in document
/// order: inputs of other indications, ramp targets before their ramp starts, and inputs of later funnel stages.</param>
/// <param name="Run">Iterations, seed, threads, time.</param>
public sealed record TornadoResult(
    string? ScenarioName,
    OutputSelection Output,
    double BaseOutput,
    double BaseMcse,
    IReadOnlyList<TornadoBar> Bars,
    IReadOnlyList<TornadoInput> NoEffect,
    TornadoRun Run);
