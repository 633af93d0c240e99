namespace FunnelSim.Compilation;

/// <summary>
/// The costs of a scenario in array form: parameter indices into <see cref="CompiledModel.Parameters"/>, the layout of
/// the money cells and what is needed to summarise them. Present only when the scenario has costs.
/// </summary>
internal sealed class CompiledBudget
{
    public required int DrugPerDose { get; init; }
    public required int AdministrationPerInfusion { get; init; }
    public required int MonitoringPerVisit { get; init; }
    public required double MonitoringIntervalDays { get; init; }
    public required bool MonitoringAtStart { get; init; }
    public required int AdverseEventProbability { get; init; }
    public required int AdverseEventCost { get; init; }
    public required int AnnualPriceChange { get; init; }
    public required double DiscountRate { get; init; }
    /// <summary>Years from the cost year to the start year: the price change compounds over them before year index 0.</summary>
    public required int PriceYearsBeforeStart { get; init; }

    /// <summary>Annual budget impact whose exceedance is counted; null when none was given.</summary>
    public required double? Threshold { get; init; }

    /// <summary>Plan members for PMPM; null for a national run (no PMPM).</summary>
    public required double? Members { get; init; }

    public required IndicationBudget[] Indications { get; init; }

    /// <summary>Money metrics of an indication and of the total (the total adds the cumulative impact).</summary>
    public required string[] IndicationMetrics { get; init; }
    public required string[] TotalMetrics { get; init; }

    /// <summary>Start of each group's money cells (indications, then the total); the last entry is the cell count.</summary>
    public required int[] GroupOffsets { get; init; }

    public int CellCount => GroupOffsets[^1];

    public int MetricCount(int group) => group < Indications.Length ? IndicationMetrics.Length : TotalMetrics.Length;

    public string[] MetricsOf(int group) => group < Indications.Length ? IndicationMetrics : TotalMetrics;

    /// <summary>The money cell of a group, year index and metric.</summary>
    public int Cell(int group, int year, int metric) => GroupOffsets[group] + year * MetricCount(group) + metric;
}
