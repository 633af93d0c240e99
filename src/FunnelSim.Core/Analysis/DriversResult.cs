using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>What drives one output: every uncertain input ranked by three methods, and how far to trust the surrogate.</summary>
/// <param name="Scenario">The scenario as run.</param>
/// <param name="Output">The output analysed, its year resolved.</param>
/// <param name="Distribution">The output over the draws analysed.</param>
/// <param name="Run">Iterations, draws, seed, threads, time.</param>
/// <param name="Surrogate">The tree surrogate's fit on held-out draws; null when there was nothing to fit.</param>
/// <param name="LinearRSquared">R² of the linear regression behind the standardized coefficients.</param>
/// <param name="Parameters">The uncertain inputs, strongest first (by surrogate importance, then |Spearman|).</param>
/// <param name="FixedParameters">Parameters left out because they do not vary.</param>
/// <param name="Note">Why nothing was ranked (no uncertain input, or an output that never varies); else null.</param>
public sealed record DriversResult(
    Scenario Scenario,
    OutputSelection Output,
    OutputDistribution Distribution,
    DriversRun Run,
    SurrogateFit? Surrogate,
    double LinearRSquared,
    IReadOnlyList<ParameterDriver> Parameters,
    int FixedParameters,
    string? Note)
{
    /// <summary>The currency of a money output (e.g. <c>USD</c>; the distribution is then in currency units); null for a count.</summary>
    public string? Currency { get; init; }
}
