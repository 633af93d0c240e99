namespace FunnelSim.Model;

/// <summary>How long a treated patient stays on BIZENGRI and how often a dose is given.</summary>
/// <param name="DurationMonths">Per-patient time on treatment, in months.</param>
/// <param name="DoseIntervalDays">Days between doses (label: 14).</param>
public sealed record Treatment(DurationModel DurationMonths, double DoseIntervalDays)
{
    /// <summary>The label's dosing interval: 750 mg every 2 weeks.</summary>
    public const double DefaultDoseIntervalDays = 14;
}
