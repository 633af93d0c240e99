using BenchmarkDotNet.Attributes;
using FunnelSim.Analysis;
using FunnelSim.Engine;
using FunnelSim.Scenarios;

namespace FunnelSim.Benchmarks;

/// <summary>
/// Tornado (one-way sensitivity) on the US national base case with the default 2,000 iterations per bar end, on 2
/// threads. Target: 20 inputs for one output in under 2 s. <see cref="Nsclc2028"/> moves the 17 inputs of NSCLC (every
/// input that can move an NSCLC output: 35 evaluations of 2,000 iterations); <see cref="Total2030"/> moves all 51 inputs
/// of the three indications (103 evaluations).
/// </summary>
[MemoryDiagnoser]
public class TornadoBenchmarks
{
    private CompiledModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario
            ?? throw new InvalidOperationException("the built-in base case does not load");
        _model = ModelCompiler.Compile(scenario);
    }

    /// <summary>treatedNew of NSCLC in 2028: the NSCLC inputs, each at both ends.</summary>
    [Benchmark]
    public int Nsclc2028() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew", "nsclc", 2028), new TornadoOptions(Seed: 20261124, Threads: 2)).Bars.Count;

    /// <summary>treatedNew summed over indications in 2030: every input of the scenario.</summary>
    [Benchmark]
    public int Total2030() =>
        TornadoAnalysis.Run(_model, new OutputSelection("treatedNew"), new TornadoOptions(Seed: 20261124, Threads: 2)).Bars.Count;
}
