using FunnelSim.Compilation;

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

    /// <summary>The state of no iterations for <paramref name="model"/>: something to merge parts into.</summary>
    public static RunState Empty(CompiledModel model) =>
        new(new CellAccumulators(model.CellCount), model.Budget is { } budget ? new MoneyAccumulators(budget.CellCount) : null,
            model.Budget is null ? null : new CellAccumulators(CostAccounting.ExceedanceCells(model)));

    /// <summary>The state a worker reached.</summary>
    public static RunState Of(IterationRunner runner) =>
        new(runner.Cells, runner.Costs?.Money, runner.Costs?.Exceedances);
}
