using FunnelSim.Analysis;

namespace FunnelSim.Reporting;

/// <summary>Choices of a report that are not in the results.</summary>
public sealed record ReportOptions
{
    /// <summary>The calendar year of the funnel charts; null: the last year of the horizon.</summary>
    public int? FunnelYear { get; init; }

    /// <summary>Worker threads of the tornado simulation (results do not depend on it); 0: all cores.</summary>
    public int Threads { get; init; }

    /// <summary>Iterations per bar end of a simulated tornado (money outputs have no exact expectation).</summary>
    public long TornadoIterations { get; init; } = TornadoOptions.DefaultIterations;

    /// <summary>The widest bars a tornado chart shows (the table below it lists the same bars).</summary>
    public int TornadoBars { get; init; } = 12;
}
