using FunnelSim.Compilation;
namespace FunnelSim.Engine;

/// <summary>
/// One worker's budget-impact state: this iteration's money cells (whole cents) and threshold indicators, scratch
/// buffers reused for every iteration, and the accumulators they are added to.
/// </summary>
internal sealed class BudgetState
{
    public BudgetState(CompiledModel model, CompiledBudget budget)
    {
        Budget = budget;
        Values = new long[budget.CellCount];
        Exceeds = new long[(model.Indications.Length + 1) * model.Years];
        Money = new MoneyAccumulators(budget.CellCount);
        Exceedances = new CellAccumulators(Exceeds.Length);
        Quantities = new double[YearQuantities * model.Years];
    }

    /// <summary>Per-year quantities of one indication, <see cref="YearQuantities"/> per year index.</summary>
    public const int YearQuantities = 5;
    public const int DosesFalsePositive = 0, Visits = 1, VisitsFalsePositive = 2, ComparatorMonths = 3,
        ComparatorMonthsFalsePositive = 4;

    public CompiledBudget Budget { get; }

    /// <summary>This iteration's money cells, in cents (see <see cref="CompiledBudget.Cell"/>).</summary>
    public long[] Values { get; }

    /// <summary>This iteration's indicator, per group and year index, that the budget impact exceeded the threshold.</summary>
    public long[] Exceeds { get; }

    public MoneyAccumulators Money { get; }

    public CellAccumulators Exceedances { get; }

    /// <summary>Scratch: monitoring visits and comparator months per year index (all patients and false positives), false positives' doses.</summary>
    public double[] Quantities { get; }

    /// <summary>Scratch: each patient's comparator duration (days), grown on demand.</summary>
    public double[] ComparatorDays { get; set; } = new double[64];

    /// <summary>Adds this iteration's cells, of replicate <paramref name="replicate"/> (negative: a plain run).</summary>
    public void Add(int replicate = -1)
    {
        Money.Add(Values, replicate);
        if (Budget.Threshold is not null) Exceedances.Add(Exceeds, replicate);
    }

    /// <summary>Summarises the rows the accumulators still buffer.</summary>
    public void Flush()
    {
        Money.Flush();
        Exceedances.Flush();
    }

    public void Merge(BudgetState other)
    {
        Money.Merge(other.Money);
        Exceedances.Merge(other.Exceedances);
    }
}
