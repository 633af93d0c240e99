using BenchmarkDotNet.Attributes;
using FunnelSim.Engine;

namespace FunnelSim.Benchmarks;

/// <summary>Adding money cells (whole cents) to their accumulators: exact sums and the log-bucket sketch.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private const int Cells = 245, Iterations = 4096;
    private long[][] _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _values = new long[Iterations][];
        for (int k = 0; k < Iterations; k++)
        {
            _values[k] = new long[Cells];
            for (int c = 0; c < Cells; c++)
                _values[k][c] = (long)(Math.Exp(18 + c % 5 + 0.5 * NormalDraw(random)) * (c % 7 == 0 ? -1 : 1));
        }
    }

    private static double NormalDraw(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>4,096 iterations × 245 cells.</summary>
    [Benchmark]
    public long Add4096()
    {
        var money = new MoneyAccumulators(Cells);
        foreach (var row in _values) money.Add(row);
        return money.Count(0);
    }
}
