using System.Text.RegularExpressions;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Cluster.Tests;

/// <summary>Scenarios, the single-process runs they are compared with, and options with short timeouts (tests take seconds).</summary>
internal static partial class Runs
{
    public static ClusterRunOptions Options { get; } = new(TimeSpan.FromSeconds(20), Attempts: 8, TimeSpan.FromMilliseconds(100),
        TimeSpan.FromSeconds(1))
    {
        AnswerTimeout = TimeSpan.FromSeconds(20),
        IterationsPerShard = 250,
        ThreadsPerShard = 1,
    };

    /// <summary>The built-in base case (with costs) at <paramref name="iterations"/>, <paramref name="seed"/> and <paramref name="sampling"/>.</summary>
    public static Scenario BaseCase(long iterations, ulong seed, SamplingMethod sampling = SamplingMethod.MonteCarlo)
    {
        var loaded = BuiltInScenarios.LoadUsNationalBase();
        Assert.True(loaded.IsValid);
        var scenario = loaded.Scenario!;
        return scenario with { Simulation = scenario.Simulation with { Iterations = iterations, Seed = seed, Sampling = sampling } };
    }

    /// <summary>The single-process result's JSON, without the keys that differ by machine (threads, elapsed time).</summary>
    public static string SingleProcess(Scenario scenario) =>
        WithoutTiming(ResultJson.Write(Simulator.Run(ModelCompiler.Compile(scenario),
            new RunOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed, 2))));

    public static string WithoutTiming(string json) => TimingLine().Replace(json, "");

    [GeneratedRegex(@"^    ""(?:threads|elapsedSeconds)"": [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex TimingLine();
}
