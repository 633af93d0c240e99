using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// One worker of a comparison: simulates iteration k of both models (same seed, same stream keys, so every input
/// the two scenarios share draws the same random numbers) and accumulates A, B and the paired difference B − A: counts
/// in exact histograms, money (whole cents) in accumulators of the same kind a run keeps, and the money
/// differences in signed log-bucket sketches with exact sums, so memory stays flat in the iteration count and every
/// summary is the same for any thread count. A money difference is left out of an iteration in which either side has
/// no value (<see cref="MoneyAccumulators.Undefined"/>); its count says how many iterations it covers.
/// </summary>
internal sealed class ComparisonRunner
{
    private readonly IterationRunner _a;
    private readonly IterationRunner _b;
    private readonly ComparisonLayout _layout;
    private readonly long[] _differences;
    private readonly long[] _moneyDifferences;
    private readonly long[] _exceedances;
    private readonly long[] _exceedanceDifferences;
    private readonly BaselineRecording? _recording;
    private readonly bool _replay;

    /// <param name="a">Scenario A's model.</param>
    /// <param name="b">Scenario B's model.</param>
    /// <param name="layout">The pairs of cells compared.</param>
    /// <param name="seed">Master seed of both.</param>
    /// <param name="iterations">The run's iteration count, which Latin hypercube strata are laid out over on both sides.</param>
    /// <param name="recording">A's outputs: replayed when complete (A is not simulated), else filled as A is simulated.</param>
    public ComparisonRunner(CompiledModel a, CompiledModel b, ComparisonLayout layout, ulong seed, long iterations,
        BaselineRecording? recording = null)
    {
        _recording = recording;
        _replay = recording is { IsComplete: true };
        _a = new IterationRunner(a, seed, iterations: iterations);
        _b = new IterationRunner(b, seed, iterations: iterations);
        _layout = layout;
        _differences = new long[layout.PairCount];
        Differences = new CellAccumulators(layout.PairCount);
        BGreater = new long[layout.PairCount];
        BLess = new long[layout.PairCount];
        _moneyDifferences = new long[layout.MoneyPairCount];
        MoneyDifferences = new MoneyAccumulators(layout.MoneyPairCount);
        MoneyBGreater = new long[layout.MoneyPairCount];
        MoneyBLess = new long[layout.MoneyPairCount];
        MoneyA = a.Budget is { } budgetA ? new MoneyAccumulators(budgetA.CellCount) : null;
        MoneyB = b.Budget is { } budgetB ? new MoneyAccumulators(budgetB.CellCount) : null;
        _exceedances = new long[2 * layout.ExceedancePairCount];
        ExceedancesA = new CellAccumulators(layout.ExceedancePairCount);
        ExceedancesB = new CellAccumulators(layout.ExceedancePairCount);
        _exceedanceDifferences = new long[layout.ExceedancePairCount];
        ExceedanceDifferences = new CellAccumulators(layout.ExceedancePairCount);
        ExceedanceBGreater = new long[layout.ExceedancePairCount];
        ExceedanceBLess = new long[layout.ExceedancePairCount];
    }

    public CellAccumulators A => _a.Cells;
    public CellAccumulators B => _b.Cells;
    public CellAccumulators Differences { get; }

    /// <summary>Per count pair, the number of iterations in which B exceeded A.</summary>
    public long[] BGreater { get; }

    /// <summary>Per count pair, the number of iterations in which B was below A.</summary>
    public long[] BLess { get; }

    /// <summary>A's money cells (cents), accumulated as a plain run of A does; null when A has no costs.</summary>
    public MoneyAccumulators? MoneyA { get; }

    /// <summary>B's money cells; null when B has no costs.</summary>
    public MoneyAccumulators? MoneyB { get; }

    /// <summary>Per threshold-indicator pair, A's indicator.</summary>
    public CellAccumulators ExceedancesA { get; }

    /// <summary>Per threshold-indicator pair, B's indicator.</summary>
    public CellAccumulators ExceedancesB { get; }

    /// <summary>Per money pair, B − A in cents over the iterations in which both have a value.</summary>
    public MoneyAccumulators MoneyDifferences { get; }

    /// <summary>Per money pair, the number of iterations (of those with both values) in which B exceeded A.</summary>
    public long[] MoneyBGreater { get; }

    /// <summary>Per money pair, the number of iterations (of those with both values) in which B was below A.</summary>
    public long[] MoneyBLess { get; }

    /// <summary>Per threshold-indicator pair, B − A (−1, 0 or 1).</summary>
    public CellAccumulators ExceedanceDifferences { get; }

    /// <summary>Per threshold-indicator pair, the iterations in which only B exceeded its threshold.</summary>
    public long[] ExceedanceBGreater { get; }

    /// <summary>Per threshold-indicator pair, the iterations in which only A exceeded its threshold.</summary>
    public long[] ExceedanceBLess { get; }

    public void Run(long firstIteration, long count)
    {
        int[] cellsA = _layout.CellsA, cellsB = _layout.CellsB;
        for (long k = firstIteration; k < firstIteration + count; k++)
        {
            ReadOnlySpan<long> valuesA, moneyA;
            if (_replay)
            {
                valuesA = _recording!.Cells(k);
                moneyA = _recording.Money(k);
            }
            else
            {
                _a.Simulate(k);
                valuesA = _a.CellValues;
                moneyA = _a.Costs is { } costs ? costs.Values : [];
                _recording?.Store(k, valuesA, moneyA);
            }
            _b.Simulate(k);
            A.Add(valuesA);
            B.Add(_b.CellValues);
            var valuesB = _b.CellValues;
            for (int j = 0; j < _differences.Length; j++)
            {
                long difference = valuesB[cellsB[j]] - valuesA[cellsA[j]];
                _differences[j] = difference;
                if (difference > 0) BGreater[j]++;
                else if (difference < 0) BLess[j]++;
            }
            Differences.Add(_differences);
            MoneyA?.Add(moneyA);
            MoneyB?.Add(_b.Costs!.Values);
            if (_moneyDifferences.Length > 0) AddMoney(moneyA);
            if (_exceedanceDifferences.Length > 0) AddExceedances(moneyA);
        }
    }

    private void AddMoney(ReadOnlySpan<long> a)
    {
        long[] b = _b.Costs!.Values;
        int[] cellsA = _layout.MoneyCellsA, cellsB = _layout.MoneyCellsB;
        for (int j = 0; j < _moneyDifferences.Length; j++)
        {
            long valueA = a[cellsA[j]], valueB = b[cellsB[j]];
            if (valueA == MoneyAccumulators.Undefined || valueB == MoneyAccumulators.Undefined)
            {
                _moneyDifferences[j] = MoneyAccumulators.Undefined;
                continue;
            }
            long difference = valueB - valueA;
            _moneyDifferences[j] = difference;
            if (difference > 0) MoneyBGreater[j]++;
            else if (difference < 0) MoneyBLess[j]++;
        }
        MoneyDifferences.Add(_moneyDifferences);
    }

    private void AddExceedances(ReadOnlySpan<long> a)
    {
        long[] b = _b.Costs!.Values;
        int[] cellsA = _layout.ExceedanceCellsA, cellsB = _layout.ExceedanceCellsB;
        int pairs = _exceedanceDifferences.Length;
        var indicatorsA = _exceedances.AsSpan(0, pairs);
        var indicatorsB = _exceedances.AsSpan(pairs, pairs);
        for (int j = 0; j < pairs; j++)
        {
            indicatorsA[j] = a[cellsA[j]] > _layout.LimitA ? 1 : 0;
            indicatorsB[j] = b[cellsB[j]] > _layout.LimitB ? 1 : 0;
            long difference = indicatorsB[j] - indicatorsA[j];
            _exceedanceDifferences[j] = difference;
            if (difference > 0) ExceedanceBGreater[j]++;
            else if (difference < 0) ExceedanceBLess[j]++;
        }
        ExceedancesA.Add(indicatorsA);
        ExceedancesB.Add(indicatorsB);
        ExceedanceDifferences.Add(_exceedanceDifferences);
    }

    public void Merge(ComparisonRunner other)
    {
        A.Merge(other.A);
        B.Merge(other.B);
        Differences.Merge(other.Differences);
        for (int j = 0; j < BGreater.Length; j++)
        {
            BGreater[j] += other.BGreater[j];
            BLess[j] += other.BLess[j];
        }
        MoneyA?.Merge(other.MoneyA!);
        MoneyB?.Merge(other.MoneyB!);
        ExceedancesA.Merge(other.ExceedancesA);
        ExceedancesB.Merge(other.ExceedancesB);
        MoneyDifferences.Merge(other.MoneyDifferences);
        for (int j = 0; j < MoneyBGreater.Length; j++)
        {
            MoneyBGreater[j] += other.MoneyBGreater[j];
            MoneyBLess[j] += other.MoneyBLess[j];
        }
        ExceedanceDifferences.Merge(other.ExceedanceDifferences);
        for (int j = 0; j < ExceedanceBGreater.Length; j++)
        {
            ExceedanceBGreater[j] += other.ExceedanceBGreater[j];
            ExceedanceBLess[j] += other.ExceedanceBLess[j];
        }
    }
}
