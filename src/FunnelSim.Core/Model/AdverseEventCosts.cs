namespace FunnelSim.Model;

/// <summary>
/// Adverse-event management per treated patient, counted once in the year treatment starts:
/// <c>probability × costPerEvent</c> (an expected cost; write probability 1 for a cost per patient).
/// </summary>
/// <param name="Probability">Probability of a serious adverse reaction needing management.</param>
/// <param name="CostPerEvent">Cost of managing it.</param>
public sealed record AdverseEventCosts(Parameter Probability, Parameter CostPerEvent)
{
    /// <summary>No adverse-event costs.</summary>
    public static AdverseEventCosts None { get; } = new(Parameter.Fixed(0), Parameter.Fixed(0));
}
