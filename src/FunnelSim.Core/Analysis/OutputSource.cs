namespace FunnelSim.Analysis;

/// <summary>Which per-iteration buffer of the engine holds an output's value.</summary>
internal enum OutputSource
{
    /// <summary>A funnel count: <c>IterationRunner.CellValues</c>.</summary>
    Count,

    /// <summary>A money cell in whole cents: <c>CostAccounting.Values</c>; <see cref="Engine.MoneyAccumulators.Undefined"/> marks no value.</summary>
    Money,

    /// <summary>The 0/1 indicator that the budget impact (a money cell) exceeded the threshold.</summary>
    Exceedance,
}
