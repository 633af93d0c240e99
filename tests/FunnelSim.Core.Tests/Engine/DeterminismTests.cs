using System.Text.Json.Nodes;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>Same scenario and seed give bit-identical results on any thread count and on every run.</summary>
public class DeterminismTests
{
    private static string Summaries(SimulationResult result)
    {
        var json = JsonNode.Parse(ResultJson.Write(result))!.AsObject();
        json.Remove("run");
        return json.ToJsonString();
    }

    [Fact]
    public void ResultsAreIdenticalForOneTwoAndFourThreadsAndRepeatedRuns()
    {
        // An iteration count that is not a multiple of the block size, and uncertain parameters.
        var scenario = Scenario(years: 3, iterations: 10_001, seed: 99,
            indications: [Indication("a", incidence: Uncertain(new global::FunnelSim.Distributions.LogNormalDistribution(1500, 200))), Indication("b")]);
        string one = Summaries(Simulator.Run(scenario, threads: 1));
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 2)));
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 4)));
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 4)));
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 3)));
    }

    [Fact]
    public void ADifferentSeedGivesDifferentResults()
    {
        var a = Simulator.Run(Scenario(iterations: 2_000, seed: 1), threads: 1);
        var b = Simulator.Run(Scenario(iterations: 2_000, seed: 2), threads: 1);
        Assert.NotEqual(Summaries(a), Summaries(b));
    }

    [Fact]
    public void RunRecordsTheSettings()
    {
        var result = Simulator.Run(Scenario(iterations: 3_000, seed: 5), threads: 2);
        Assert.Equal(3_000, result.Run.Iterations);
        Assert.Equal(5UL, result.Run.Seed);
        Assert.Equal("monte-carlo", result.Run.Sampling);
        Assert.Equal(Simulator.EngineVersion, result.Run.EngineVersion);
        Assert.Equal(2, result.Run.Threads);
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var model = ModelCompiler.Compile(Scenario(iterations: 1_000_000));
        Assert.ThrowsAny<OperationCanceledException>(() => Simulator.Run(model, new RunOptions(1_000_000, 1, 2), null, cancel.Token));
    }

    [Fact]
    public void ProgressReachesTheTotal()
    {
        var reports = new List<RunProgress>();
        var progress = new SynchronousProgress(reports);
        Simulator.Run(ModelCompiler.Compile(Scenario(iterations: 10_000)), new RunOptions(10_000, 1, 2), progress);
        Assert.Equal(10_000, reports.Max(r => r.Done));
        Assert.All(reports, r => Assert.Equal(10_000, r.Total));
    }

    private sealed class SynchronousProgress(List<RunProgress> reports) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
