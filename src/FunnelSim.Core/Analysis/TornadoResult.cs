namespace FunnelSim.Analysis;

/// <summary>A one-way sensitivity analysis (tornado) of one output.</summary>
/// <param name="ScenarioName">Name of the scenario analysed.</param>
/// <param name="Output">The output, with its year resolved.</param>
/// <param name="BaseOutput">The output with every input at its mean: its exact expectation, or its simulated mean.</param>
/// <param name="BaseMcse">Monte Carlo standard error of <paramref name="BaseOutput"/>; 0 for an exact expectation.</param>
/// <param name="Bars">One bar per input that moves the output, widest swing first (ties in document order).</param>
/// <param name="NoEffect">Inputs that cannot move this output or did not move it at all, in document order: inputs of
/// other indications, ramp targets before their ramp starts, ramp starts after their ramp ends (exact expectation),
/// and inputs of later funnel stages. "Not at all": an exact swing within rounding (1e-12 of the output), or simulated
/// paired differences all exactly 0.</param>
/// <param name="Run">Method, iterations, seed, threads, time.</param>
public sealed record TornadoResult(
    string? ScenarioName,
    OutputSelection Output,
    double BaseOutput,
    double BaseMcse,
    IReadOnlyList<TornadoBar> Bars,
    IReadOnlyList<TornadoInput> NoEffect,
    TornadoRun Run)
{
    /// <summary>The currency of a money output (e.g. <c>USD</c>; every value is then in currency units); null for a count.</summary>
    public string? Currency { get; init; }

    /// <summary>How the bar ends were computed (also in <see cref="Run"/>).</summary>
    public TornadoMethod Method => Run.Method;
}
