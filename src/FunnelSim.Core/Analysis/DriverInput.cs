using FunnelSim.Compilation;
using FunnelSim.Distributions;
namespace FunnelSim.Analysis;

/// <summary>
/// One input that varies between iterations, as the drivers analysis sees it: a parameter's drawn start value, or
/// the drawn target of its ramp.
/// </summary>
/// <param name="Path">JSON path in the scenario file (<c>indications[1].testing.uptake</c>, or
/// <c>indications[1].testing.uptake.ramp.to</c> for a ramp target).</param>
/// <param name="Label">Human name, e.g. <c>Pancreatic adenocarcinoma · testing uptake</c>.</param>
/// <param name="ParameterIndex">Index in <see cref="Compilation.CompiledModel.ParameterList"/>.</param>
/// <param name="IsRampTarget">True for the ramp's <c>to</c>.</param>
public sealed record DriverInput(string Path, string Label, int ParameterIndex, bool IsRampTarget)
{
    /// <summary>The inputs of <paramref name="model"/> that are uncertain, in document order.</summary>
    public static IReadOnlyList<DriverInput> Uncertain(Compilation.CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inputs = new List<DriverInput>();
        foreach (var parameter in model.ParameterList)
        {
            if (parameter.Start is not Distributions.FixedDistribution)
                inputs.Add(new DriverInput(parameter.Path, parameter.Label, parameter.Index, false));
            if (parameter.RampTarget is { } target and not Distributions.FixedDistribution)
                inputs.Add(new DriverInput(parameter.Path + ".ramp.to", parameter.Label + " (ramp target)", parameter.Index, true));
        }
        return inputs;
    }
}
