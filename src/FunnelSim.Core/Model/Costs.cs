using System.Collections.Immutable;

namespace FunnelSim.Model;

/// <summary>
/// What the payer pays, for a budget impact analysis: BIZENGRI's unit costs, tests, and per indication the
/// later-line therapy the treated patients would otherwise receive (the comparator). Every amount is a parameter
/// (it may be uncertain) in <see cref="Currency"/> of <see cref="CostYear"/>.
/// </summary>
/// <param name="Currency">ISO 4217 code of every amount, e.g. <c>USD</c>.</param>
/// <param name="CostYear">The year whose prices the amounts are in; not after the start year.</param>
/// <param name="DrugPerDose">BIZENGRI drug cost per dose (750 mg).</param>
/// <param name="AdministrationPerInfusion">Administration cost per infusion (one per dose).</param>
/// <param name="Monitoring">LVEF monitoring while on BIZENGRI.</param>
/// <param name="AdverseEvents">Adverse-event management per BIZENGRI-treated patient, once in the start year.</param>
/// <param name="TestPerModality">Cost of one test, by modality id (every modality of every indication has one).</param>
/// <param name="Comparators">The displaced later-line therapy, by indication id (every indication has one).</param>
/// <param name="AnnualPriceChange">Change of every unit cost per year, compounding from <see cref="CostYear"/>: year index
/// t (0 = start year) is priced <c>(1 + c)^(startYear − costYear + t)</c> times the written amounts.</param>
/// <param name="DiscountRate">Annual discount rate in [0, 1): year index t is weighted <c>1 / (1 + r)^t</c> (to the start year).</param>
public sealed record Costs(
    string Currency,
    int CostYear,
    Parameter DrugPerDose,
    Parameter AdministrationPerInfusion,
    MonitoringCosts Monitoring,
    AdverseEventCosts AdverseEvents,
    ImmutableArray<ModalityCost> TestPerModality,
    ImmutableArray<ComparatorCosts> Comparators,
    Parameter AnnualPriceChange,
    double DiscountRate)
{
    /// <summary>The currency when the file names none.</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>
    /// Optional annual budget-impact threshold: results then include, per indication and year, the probability that
    /// the year's budget impact exceeds it (<c>probabilityExceedsThreshold</c>).
    /// </summary>
    public double? BudgetThreshold { get; init; }
}
