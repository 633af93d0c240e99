using FunnelSim.Analysis;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>Everything a report shows: the results, the analyses run for it, the inputs and the provenance.</summary>
/// <param name="Result">The run's results (the scenario as run included).</param>
/// <param name="Source">Where the results came from and the scenario's fingerprint.</param>
/// <param name="FunnelYear">The calendar year of the funnel charts.</param>
/// <param name="Tornadoes">One-way sensitivity of total new starts in the last year and, with costs, of the budget impact.</param>
/// <param name="Inputs">Every input with its distribution, range and source.</param>
/// <param name="Options">The options the report was built with.</param>
public sealed record Report(
    SimulationResult Result,
    ReportSource Source,
    int FunnelYear,
    IReadOnlyList<TornadoResult> Tornadoes,
    IReadOnlyList<InputRow> Inputs,
    ReportOptions Options)
{
    /// <summary>True when the scenario has costs (budget sections and money charts are shown).</summary>
    public bool HasCosts => Result.Scenario.Costs is not null;

    /// <summary>The last calendar year of the horizon.</summary>
    public int LastYear => Result.Scenario.StartYear + Result.Scenario.Years - 1;

    /// <summary>The first calendar year of the horizon.</summary>
    public int FirstYear => Result.Scenario.StartYear;

    /// <summary>The calibration that gave this scenario (<c>funnelsim calibrate --report FILE.html</c>), shown in its own
    /// section after the headline; null for an ordinary report.</summary>
    public Calibration.CalibrationResult? Calibration { get; init; }

    /// <summary>The observed-counts file of <see cref="Calibration"/>, as named in the report.</summary>
    public string? CalibrationSource { get; init; }
}
