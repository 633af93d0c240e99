namespace FunnelSim.Engine;

/// <summary>
/// The mergeable state of (part of) a run: the count cells' exact sums and histograms, and with costs the money cells'
/// exact sums and sketches and the threshold indicators. Every part is an exact integer reduction, so states of any
/// split of the iterations merge, in any order, into the state of the whole run.
/// </summary>
internal sealed class RunState(CellAccumulators cells, MoneyAccumulators? money, CellAccumulators? exceedances)
{
    public CellAccumulators Cells { get; } = cells;

    /// <summary>The money cells; null when the scenario has no costs.</summary>
    public MoneyAccumulators? Money { get; } = money;

    /// <summary>The budget-threshold indicators; null when the scenario has no costs.</summary>
    public CellAccumulators? Exceedances { get; } = exceedances;

    /// <summary>The state a worker reached.</summary>
    public static RunState Of(IterationRunner runner) =>
        new(runner.Cells, runner.Budget?.Money, runner.Budget?.Exceedances);
}
