using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Compilation;

/// <summary>
/// One uncertain input of a compiled model, as analyses name it: the validator's JSON path
/// (<c>indications[2].testing.uptake</c>), a human label, and its distributions.
/// </summary>
/// <param name="Index">Position in the model's parameter list (the order draws are reported in).</param>
/// <param name="Path">JSON path of the parameter in the scenario file, as validation messages use it.</param>
/// <param name="Label">Human name, e.g. <c>Pancreatic adenocarcinoma · testing uptake</c>.</param>
/// <param name="Start">Distribution of the start value, drawn once per iteration.</param>
/// <param name="RampTarget">Distribution of the ramp's <c>to</c>, when the parameter ramps.</param>
public sealed record ModelParameter(int Index, string Path, string Label, Distribution Start, Distribution? RampTarget)
{
    /// <summary>The parameter as written in the scenario (form, written 95% range, ramp), when it came from one.</summary>
    public Model.Parameter? Source { get; init; }

    /// <summary>True when no draw of this parameter varies between iterations.</summary>
    public bool IsFixed => Start is FixedDistribution && RampTarget is null or FixedDistribution;
}
