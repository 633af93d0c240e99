namespace FunnelSim.Model;

/// <summary>
/// The later-line therapy an indication's treated patients receive in the world without BIZENGRI: its cost per
/// month of exposure and its own duration, drawn per patient.
/// </summary>
/// <param name="IndicationId">Indication id.</param>
/// <param name="Name">Optional name of the regimen.</param>
/// <param name="DrugPerMonth">Drug cost per month on the comparator.</param>
/// <param name="AdministrationPerMonth">Administration cost per month on the comparator.</param>
/// <param name="DurationMonths">Per-patient time on the comparator, months.</param>
/// <param name="AdverseEvents">Adverse-event management per comparator patient, once in the start year.</param>
public sealed record ComparatorCosts(
    string IndicationId,
    string? Name,
    Parameter DrugPerMonth,
    Parameter AdministrationPerMonth,
    DurationModel DurationMonths,
    AdverseEventCosts AdverseEvents);
