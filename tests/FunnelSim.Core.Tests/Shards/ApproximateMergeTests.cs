using System.Text;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Golden;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Shards;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Shards;

/// <summary>
/// A scenario whose counts span far more values than the exact bound (30 years, NSCLC growth ±0.1: year 29's incident
/// cases range over millions) gives the same bytes on any thread count and any shard split, through partial files,
/// with the wide cells marked approximate (issue 12, item 1).
/// </summary>
public class ApproximateMergeTests
{
    /// <summary>Two scheduler blocks (2,048 + 52), so two threads really share the work.</summary>
    private const long Iterations = 2_100;
    private const ulong Seed = 20261205;

    private static readonly Lazy<CompiledModel> Model = new(() => ModelCompiler.Compile(WideScenario()));

    private static readonly Lazy<string> Unsplit = new(() =>
        GoldenResultsTests.WithoutTiming(ResultJson.Write(Simulator.Run(Model.Value, new RunOptions(Iterations, Seed, 1)))));

    /// <summary>The base case over 30 years with NSCLC's growth −0.1 … 0.1 and no costs (faster), at the test's run settings.</summary>
    internal static Scenario WideScenario(bool costs = false)
    {
        string[] settings = ["years=30", "indications[nsclc].annualGrowth.low=-0.1", "indications[nsclc].annualGrowth.high=0.1"];
        var loaded = ScenarioLoader.ReadFile(Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json"),
            [.. settings.Select(s => OverlaySetting.FromCommandLine(s, out _)!)]);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var scenario = loaded.Scenario!;
        scenario = scenario with { Simulation = scenario.Simulation with { Iterations = Iterations, Seed = Seed } };
        return costs ? scenario : scenario with { Costs = null };
    }

    [Fact]
    public void TheWideCellsAreApproximateAndSaySo()
    {
        string json = Unsplit.Value;
        Assert.Contains("\"approximate\": true,\n", json, StringComparison.Ordinal);
        Assert.Contains($"\"relativeAccuracy\": {LogBucketSketch.RelativeAccuracy}\n", json, StringComparison.Ordinal);
        // Narrow cells stay exact and keep their exact shape (no keys).
        var result = ResultJsonReader.Read(Encoding.UTF8.GetBytes(json)).Result!;
        var lastYear = result.Indications[0].Years[^1].Metrics;
        Assert.True(lastYear["incident"].Approximate);
        Assert.Equal(LogBucketSketch.RelativeAccuracy, lastYear["incident"].RelativeAccuracy);
        var firstYear = result.Indications[0].Years[0].Metrics;
        Assert.Null(firstYear["treatedNew"].Approximate);
        Assert.Null(firstYear["treatedNew"].RelativeAccuracy);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AnyThreadCountGivesTheSameBytes(int threads)
    {
        var result = Simulator.Run(Model.Value, new RunOptions(Iterations, Seed, threads));
        Assert.Equal(Unsplit.Value, GoldenResultsTests.WithoutTiming(ResultJson.Write(result)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void AnyShardSplitMergesThroughPartialFilesIntoTheSameBytes(int shards)
    {
        // Small shards stay within the bound in some cells where the whole run passes it: the merge switches them.
        var parts = Enumerable.Range(0, shards).Reverse()
            .Select(k => new NamedPartial($"part-{k}.json", RoundTrip(ShardRun.Run(Model.Value, new Shard(k, shards), "run", threads: 1 + k % 2))))
            .ToList();

        var merged = PartialMerge.Merge(parts);

        Assert.True(merged.Succeeded, string.Join("\n", merged.Errors));
        Assert.Equal(Unsplit.Value, GoldenResultsTests.WithoutTiming(ResultJson.Write(merged.Result!)));
    }

    [Fact]
    public void APartialFileKeepsTheSketch()
    {
        var partial = ShardRun.Run(Model.Value, new Shard(1, 2), "run", threads: 1);
        string text = PartialJson.Write(partial);

        Assert.Contains("\"sketch\":{\"min\":", text, StringComparison.Ordinal);
        Assert.Equal(text, PartialJson.Write(RoundTrip(partial)));
    }

    private static PartialResult RoundTrip(PartialResult partial)
    {
        var read = PartialJson.Read(Encoding.UTF8.GetBytes(PartialJson.Write(partial)));
        Assert.Null(read.Error);
        return read.Partial!;
    }
}
