using FunnelSim.Distributions;

namespace FunnelSim.Compilation;

/// <summary>
/// One drawn quantity of a compiled model: a parameter's start value, or its ramp target, named by its JSON path
/// (<c>indications[1].testing.uptake</c>, <c>indications[1].testing.uptake.ramp.to</c>).
/// </summary>
/// <param name="Path">JSON path; a ramp target's is the parameter's path + <c>.ramp.to</c>.</param>
/// <param name="ParameterIndex">Index in <see cref="CompiledModel.ParameterList"/>.</param>
/// <param name="IsRampTarget">True for a ramp's target.</param>
/// <param name="Distribution">What the quantity is drawn from.</param>
internal sealed record ParameterSlot(string Path, int ParameterIndex, bool IsRampTarget, Distribution Distribution)
{
    /// <summary>Suffix of a ramp target's path.</summary>
    public const string RampTargetSuffix = ".ramp.to";

    /// <summary>Every start value and ramp target of the parameters, in document order.</summary>
    public static IReadOnlyList<ParameterSlot> All(IReadOnlyList<ModelParameter> parameters)
    {
        var slots = new List<ParameterSlot>();
        foreach (var p in parameters)
        {
            slots.Add(new ParameterSlot(p.Path, p.Index, false, p.Start));
            if (p.RampTarget is { } target) slots.Add(new ParameterSlot(p.Path + RampTargetSuffix, p.Index, true, target));
        }
        return slots;
    }

    /// <summary>True when draws vary between iterations.</summary>
    public bool IsUncertain => Distribution is not FixedDistribution;
}
