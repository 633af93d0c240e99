using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// One uncertain input of a one-way sensitivity analysis: a parameter's start value, or its ramp target (a bar of its
/// own: where a ramp ends is a separate uncertainty from where it starts, and the engine draws them independently),
/// with the low and high ends it is set to.
/// </summary>
/// <param name="Path">JSON path in the scenario file (<c>indications[1].testing.uptake</c>, or
/// <c>indications[1].testing.uptake.ramp.to</c> for a ramp target).</param>
/// <param name="Label">Human name, e.g. <c>Pancreatic adenocarcinoma · testing uptake</c>.</param>
/// <param name="ParameterIndex">Index in <see cref="CompiledModel.ParameterList"/>.</param>
/// <param name="IsRampTarget">True for the ramp's <c>to</c>.</param>
/// <param name="Base">The value held while other inputs move: the written <c>value</c> (point estimate) of the shorthand
/// form, else the mean of its distribution.</param>
/// <param name="Low">Low end: the fitted distribution's 2.5th percentile (the written <c>low</c> of the shorthand form,
/// which is that percentile exactly).</param>
/// <param name="High">High end: the 97.5th percentile (the written <c>high</c> of the shorthand).</param>
public sealed record TornadoInput(string Path, string Label, int ParameterIndex, bool IsRampTarget, double Base, double Low, double High)
{
    /// <summary>Cumulative probability of the low end, for every family.</summary>
    public const double LowProbability = PercentileFit.LowProbability;

    /// <summary>Cumulative probability of the high end, for every family.</summary>
    public const double HighProbability = PercentileFit.HighProbability;

    /// <summary>Every uncertain start value and ramp target of <paramref name="model"/>, in document order.</summary>
    public static IReadOnlyList<TornadoInput> Uncertain(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inputs = new List<TornadoInput>();
        foreach (var parameter in model.ParameterList)
        {
            if (parameter.Start is not FixedDistribution)
            {
                var (low, high) = RangeOf(parameter.Source, parameter.Start);
                inputs.Add(new TornadoInput(parameter.Path, parameter.Label, parameter.Index, false,
                    parameter.Source?.PointEstimate ?? parameter.Start.Mean, low, high));
            }
            if (parameter.RampTarget is { } target and not FixedDistribution)
            {
                var (low, high) = RangeOf(parameter.Source?.Ramp?.To, target);
                inputs.Add(new TornadoInput(parameter.Path + ".ramp.to", parameter.Label + " (ramp target)", parameter.Index,
                    true, parameter.Source?.Ramp?.To.PointEstimate ?? target.Mean, low, high));
            }
        }
        return inputs;
    }

    // The shorthand's written ends are its fitted percentiles exactly; taking them as written avoids the inverse CDF's
    // rounding (MathNet's Beta inverse loses digits near 1).
    private static (double Low, double High) RangeOf(Parameter? written, Distribution distribution) =>
        written is { Form: ParameterForm.Shorthand, Low: { } low, High: { } high }
            ? (low, high)
            : (distribution.InverseCdf(LowProbability), distribution.InverseCdf(HighProbability));
}
