using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// One worker of a comparison: simulates iteration k of both models (same seed, same stream keys, so every input
/// the two scenarios share draws the same random numbers) and accumulates A, B and the paired difference B − A.
/// </summary>
internal sealed class ComparisonRunner
{
    private readonly IterationRunner _a;
    private readonly IterationRunner _b;
    private readonly ComparisonLayout _layout;
    private readonly long[] _differences;

    public ComparisonRunner(CompiledModel a, CompiledModel b, ComparisonLayout layout, ulong seed)
    {
        _a = new IterationRunner(a, seed);
        _b = new IterationRunner(b, seed);
        _layout = layout;
        _differences = new long[layout.PairCount];
        Differences = new CellAccumulators(layout.PairCount);
        BGreater = new long[layout.PairCount];
    }

    public CellAccumulators A => _a.Cells;
    public CellAccumulators B => _b.Cells;
    public CellAccumulators Differences { get; }

    /// <summary>Per pair, the number of iterations in which B exceeded A.</summary>
    public long[] BGreater { get; }

    public void Run(long firstIteration, long count)
    {
        int[] cellsA = _layout.CellsA, cellsB = _layout.CellsB;
        for (long k = firstIteration; k < firstIteration + count; k++)
        {
            _a.Simulate(k);
            _b.Simulate(k);
            A.Add(_a.CellValues);
            B.Add(_b.CellValues);
            var valuesA = _a.CellValues;
            var valuesB = _b.CellValues;
            for (int j = 0; j < _differences.Length; j++)
            {
                long difference = valuesB[cellsB[j]] - valuesA[cellsA[j]];
                _differences[j] = difference;
                if (difference > 0) BGreater[j]++;
            }
            Differences.Add(_differences);
        }
    }

    public void Merge(ComparisonRunner other)
    {
        A.Merge(other.A);
        B.Merge(other.B);
        Differences.Merge(other.Differences);
        for (int j = 0; j < BGreater.Length; j++) BGreater[j] += other.BGreater[j];
    }
}
