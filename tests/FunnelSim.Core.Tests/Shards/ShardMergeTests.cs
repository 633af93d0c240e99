using System.Text;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Golden;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Shards;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Shards;

/// <summary>
/// Shards merged through their partial files (written and read back) give exactly the bytes of the unsplit run, for
/// N = 1, 2, 3, 7 and 16, Monte Carlo and Latin hypercube, with and without costs. 3,000 iterations: shard boundaries
/// fall inside the scheduler's 2,048-iteration blocks and the accumulators' 64-row batches.
/// </summary>
public class ShardMergeTests
{
    private const long Iterations = 3_000;
    private const ulong Seed = 20261124;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { "us-national-base", "us-national-base-without-costs", "national-latin-hypercube",
                     "national-latin-hypercube-without-costs", "payer-commercial-1m-threshold" })
            foreach (int n in new[] { 1, 2, 3, 7, 16 })
                data.Add(name, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MergedShardsEqualTheUnsplitRunByte(string name, int shards)
    {
        var scenario = Load(name);
        var model = ModelCompiler.Compile(scenario);
        string expected = GoldenResultsTests.WithoutTiming(ResultJson.Write(Simulator.Run(model, new RunOptions(Iterations, Seed, 2))));

        // Written in reverse order and read back from their JSON: merge orders by the recorded K.
        var parts = Enumerable.Range(0, shards).Reverse()
            .Select(k => new NamedPartial($"part-{k}.json", RoundTrip(ShardRun.Run(model, new Shard(k, shards), "run", threads: 1 + k % 2))))
            .ToList();
        var merged = PartialMerge.Merge(parts);

        Assert.True(merged.Succeeded, string.Join("\n", merged.Errors));
        Assert.Equal(expected, GoldenResultsTests.WithoutTiming(ResultJson.Write(merged.Result!)));
        Assert.Equal(parts.Max(p => p.Partial.Threads), merged.Result!.Run.Threads);
    }

    [Fact]
    public void BudgetPartialsMergeIntoWhatBudgetOutWrites()
    {
        var scenario = Load("payer-commercial-1m-threshold");
        var model = ModelCompiler.Compile(scenario);
        var unsplit = Simulator.Run(model, new RunOptions(Iterations, Seed, 1));
        var parts = Enumerable.Range(0, 3)
            .Select(k => new NamedPartial($"p{k}", RoundTrip(ShardRun.Run(model, new Shard(k, 3), "budget", threads: 1))))
            .ToList();

        var merged = PartialMerge.Merge(parts);

        Assert.Equal("budget", merged.Command);
        Assert.Equal(GoldenResultsTests.WithoutTiming(ResultJson.Write(unsplit)), GoldenResultsTests.WithoutTiming(ResultJson.Write(merged.Result!)));
        Assert.Equal(ResultCsv.Write(unsplit), ResultCsv.Write(merged.Result!));
    }

    [Fact]
    public void APartialFileRoundTripsExactly()
    {
        var model = ModelCompiler.Compile(Load("us-national-base"));
        var partial = ShardRun.Run(model, new Shard(1, 3), "run", threads: 2);
        string text = PartialJson.Write(partial);

        var read = PartialJson.Read(Encoding.UTF8.GetBytes(text));

        Assert.Null(read.Error);
        Assert.Equal(text, PartialJson.Write(read.Partial!));
        Assert.Equal(1000, read.Partial!.FirstIteration);
        Assert.Equal(2000, read.Partial.EndIteration);
        Assert.Equal(ScenarioHashOf(model.Scenario), read.Partial.ScenarioSha256);
    }

    [Theory]
    [InlineData(10, 3, new long[] { 0, 3, 6, 10 })]
    [InlineData(7, 7, new long[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(3000, 16, new long[] { 0, 187, 375, 562, 750, 937, 1125, 1312, 1500, 1687, 1875, 2062, 2250, 2437, 2625, 2812, 3000 })]
    public void ShardsCoverTheRunInOrderWithoutGaps(long total, int count, long[] bounds)
    {
        for (int k = 0; k < count; k++)
        {
            Assert.Equal(bounds[k], new Shard(k, count).First(total));
            Assert.Equal(bounds[k + 1], new Shard(k, count).End(total));
        }
    }

    [Fact]
    public void ShardBoundsDoNotOverflowAtTheLargestRuns()
    {
        var last = new Shard(Shard.MaxCount - 1, Shard.MaxCount);
        Assert.Equal(long.MaxValue / 2, last.End(long.MaxValue / 2));
        Assert.True(last.First(long.MaxValue / 2) > 0);
    }

    [Theory]
    [InlineData("0/4", true)]
    [InlineData("3/4", true)]
    [InlineData("4/4", false)]
    [InlineData("-1/4", false)]
    [InlineData("0/0", false)]
    [InlineData("1", false)]
    [InlineData("a/b", false)]
    [InlineData("0/1000001", false)]
    public void ShardTextIsKOverN(string text, bool valid)
    {
        Assert.Equal(valid, Shard.TryParse(text, out var shard, out string error));
        Assert.Equal(valid, error.Length == 0);
        if (valid) Assert.Equal(text, shard!.ToString());
    }

    [Fact]
    public void MissingAndDuplicatedShardsAreRefusedNamingThem()
    {
        var model = ModelCompiler.Compile(Load("us-national-base-without-costs"));
        var zero = ShardRun.Run(model, new Shard(0, 4), "run", threads: 1);
        var two = ShardRun.Run(model, new Shard(2, 4), "run", threads: 1);

        var merged = PartialMerge.Merge([new("a.json", zero), new("b.json", two), new("c.json", two)]);

        Assert.False(merged.Succeeded);
        Assert.Contains(merged.Errors, e => e.Contains("shard 2/4", StringComparison.Ordinal) && e.Contains("b.json, c.json", StringComparison.Ordinal));
        Assert.Contains(merged.Errors, e => e.Contains("missing shards 1/4, 3/4", StringComparison.Ordinal));
    }

    [Fact]
    public void PartsOfDifferentRunsAreRefusedNamingTheFiles()
    {
        var scenario = Load("us-national-base-without-costs");
        var a = ShardRun.Run(ModelCompiler.Compile(scenario), new Shard(0, 2), "run", threads: 1);
        var otherSeed = ShardRun.Run(ModelCompiler.Compile(WithRun(scenario, Iterations, Seed + 1)), new Shard(1, 2), "run", threads: 1);
        var otherTotal = ShardRun.Run(ModelCompiler.Compile(WithRun(scenario, Iterations + 1, Seed)), new Shard(1, 2), "run", threads: 1);
        var otherN = ShardRun.Run(ModelCompiler.Compile(scenario), new Shard(1, 3), "run", threads: 1);
        var otherScenario = ShardRun.Run(ModelCompiler.Compile(WithRun(Load("us-national-base"), Iterations, Seed)), new Shard(1, 2), "run", threads: 1);

        Assert.Contains("part-1.json: seed 20261125 differs from part-0.json's 20261124",
            PartialMerge.Merge([new("part-0.json", a), new("part-1.json", otherSeed)]).Errors);
        Assert.Contains("part-1.json: total iterations 3001 differs from part-0.json's 3000",
            PartialMerge.Merge([new("part-0.json", a), new("part-1.json", otherTotal)]).Errors);
        Assert.Contains("part-1.json: shard count N 3 differs from part-0.json's 2",
            PartialMerge.Merge([new("part-0.json", a), new("part-1.json", otherN)]).Errors);
        Assert.Contains(PartialMerge.Merge([new("part-0.json", a), new("part-1.json", otherScenario)]).Errors,
            e => e.StartsWith("part-1.json: scenario (SHA-256)", StringComparison.Ordinal));
    }

    [Fact]
    public void AChangedPartialIsRefused()
    {
        string text = PartialJson.Write(ShardRun.Run(ModelCompiler.Compile(Load("us-national-base-without-costs")), new Shard(0, 2), "run", threads: 1));

        var tampered = PartialJson.Read(Encoding.UTF8.GetBytes(text.Replace("\n  \"iterations\": 3000,", "\n  \"iterations\": 3001,", StringComparison.Ordinal)));
        var notAPartial = PartialJson.Read("{ \"scenario\": {} }"u8);

        Assert.Contains("seed or iterations differ", tampered.Error, StringComparison.Ordinal);
        Assert.Contains("not a partial file", notAPartial.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    public void AWideHistogramMergesIntoAnEmptyOne(int width)
    {
        // A merge target starts empty: its first cover must hold the other's whole range, odd or even.
        var wide = new ExactHistogram();
        wide.Add(5, 3);
        wide.Add(5 + width, 2);
        var merged = new ExactHistogram();

        merged.Merge(wide);

        Assert.Equal(5, merged.Count);
        Assert.Equal((5L, 5L + width), merged.Range());
        Assert.Equal(2, merged.CountOf(5 + width));
    }

    private static PartialResult RoundTrip(PartialResult partial)
    {
        var read = PartialJson.Read(Encoding.UTF8.GetBytes(PartialJson.Write(partial)));
        Assert.Null(read.Error);
        return read.Partial!;
    }

    private static string ScenarioHashOf(Scenario scenario) => global::FunnelSim.Export.ScenarioHash.OfCanonical(scenario);

    private static Scenario WithRun(Scenario scenario, long iterations, ulong seed) =>
        scenario with { Simulation = scenario.Simulation with { Iterations = iterations, Seed = seed } };

    /// <summary>A shipped or golden scenario at <see cref="Iterations"/> and <see cref="Seed"/>; two variants made in code.</summary>
    internal static Scenario Load(string name)
    {
        string file = name switch
        {
            "national-latin-hypercube" or "national-latin-hypercube-without-costs" =>
                Path.Combine(RepositoryFiles.RootDirectory, "tests", "FunnelSim.Core.Tests", "Golden", "Scenarios", "national-latin-hypercube.json"),
            "payer-commercial-1m-threshold" => Path.Combine(RepositoryFiles.ScenariosDirectory, "payer-commercial-1m.json"),
            "us-national-base-without-costs" => Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json"),
            _ => Path.Combine(RepositoryFiles.ScenariosDirectory, name + ".json"),
        };
        var loaded = ScenarioReader.ReadFile(file);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var scenario = WithRun(loaded.Scenario!, Iterations, Seed);
        if (name.EndsWith("-without-costs", StringComparison.Ordinal)) scenario = scenario with { Costs = null };
        if (name.EndsWith("-threshold", StringComparison.Ordinal))
            scenario = scenario with { Costs = scenario.Costs! with { BudgetThreshold = 250_000 } };
        return scenario;
    }
}
