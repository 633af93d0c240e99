using BenchmarkDotNet.Attributes;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Benchmarks;

/// <summary>
/// The US national base case (3 indications × 5 years). Throughput targets (issue 9): with costs ≥ 110,000 iterations/s
/// on 2 cores, without ≥ 140,000/s, ≥ 1.9× faster on 2 threads than on 1; 4,000 iterations (compile + run, the UI's
/// what-if) in ≤ 60 ms.
/// <see cref="Costs"/> measures the budget-impact work (two worlds, money summaries) against the funnel alone.
/// Iterations per second = Iterations / mean time.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private CompiledModel _model = null!;
    private Scenario _scenario = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>With the base case's costs (budget impact) or without them (the funnel alone).</summary>
    [Params(true, false)]
    public bool Costs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BuiltInScenarios.LoadUsNationalBase().Scenario
            ?? throw new InvalidOperationException("the built-in base case does not load");
        if (!Costs) _scenario = _scenario with { Costs = null };
        _model = ModelCompiler.Compile(_scenario);
    }

    /// <summary>200,000 iterations of the base case.</summary>
    [Benchmark]
    public long BaseCase200k() => Simulator.Run(_model, new RunOptions(200_000, 20261124, Threads)).Run.Iterations;

    /// <summary>The UI's what-if (issue 9): compile and run 4,000 iterations, target ≤ 60 ms on 2 threads.</summary>
    [Benchmark]
    public long QuickRun4k() =>
        Simulator.Run(ModelCompiler.Compile(_scenario), new RunOptions(4_000, 20261124, Threads)).Run.Iterations;

    /// <summary>What the terminal UI does after an edit: compile and run 10,000 iterations.</summary>
    [Benchmark]
    public long QuickRun10k() =>
        Simulator.Run(ModelCompiler.Compile(_scenario), new RunOptions(10_000, 20261124, Threads)).Run.Iterations;
}
