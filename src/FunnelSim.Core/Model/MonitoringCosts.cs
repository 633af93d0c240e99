namespace FunnelSim.Model;

/// <summary>Monitoring on BIZENGRI (e.g. an echocardiogram for LVEF): a visit every <see cref="EveryMonths"/> months on treatment.</summary>
/// <param name="CostPerVisit">Cost of one visit.</param>
/// <param name="EveryMonths">Months between visits while on treatment.</param>
/// <param name="AtStart">True when a baseline visit is made at the start of treatment.</param>
public sealed record MonitoringCosts(Parameter CostPerVisit, double EveryMonths, bool AtStart)
{
    /// <summary>No monitoring.</summary>
    public static MonitoringCosts None { get; } = new(Parameter.Fixed(0), 3, AtStart: false);
}
