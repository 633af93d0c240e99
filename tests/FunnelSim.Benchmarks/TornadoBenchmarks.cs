using BenchmarkDotNet.Attributes;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Benchmarks;

/// <summary>
/// Tornado (one-way sensitivity) on the US national base case. Target: 20 inputs for one output in under 2 s.
/// <see cref="Nsclc2028"/> moves the 17 inputs of NSCLC (every input that can move an NSCLC output: 35 evaluations);
/// <see cref="Total2030"/> moves all 51 inputs of the three indications (103 evaluations). Both default to the exact
/// expectation; the <c>Simulated</c> ones run the common-random-number simulation with the default 2,000 iterations per
/// bar end on 2 threads, as an output without an expectation would.
/// </summary>
[MemoryDiagnoser]
public class TornadoBenchmarks
{
    private static readonly TornadoOptions Simulation = new(Seed: 20261124, Threads: 2) { Method = TornadoMethod.Simulation };
    private CompiledModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario
            ?? throw new InvalidOperationException("the built-in base case does not load");
        _model = ModelCompiler.Compile(scenario);
    }

    /// <summary>treatedNew of NSCLC in 2028: the NSCLC inputs, each at both ends, exact.</summary>
    [Benchmark]
    public int Nsclc2028() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew", "nsclc", 2028), new TornadoOptions()).Bars.Count;

    /// <summary>treatedNew summed over indications in 2030: every input of the scenario, exact.</summary>
    [Benchmark]
    public int Total2030() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew"), new TornadoOptions()).Bars.Count;

    /// <summary>As <see cref="Nsclc2028"/>, simulated.</summary>
    [Benchmark]
    public int Nsclc2028Simulated() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew", "nsclc", 2028), Simulation).Bars.Count;

    /// <summary>As <see cref="Total2030"/>, simulated.</summary>
    [Benchmark]
    public int Total2030Simulated() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew"), Simulation).Bars.Count;
}
