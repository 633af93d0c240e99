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
/// The cluster's wire form of a partial (<see cref="PartialBinary"/>) holds exactly what the partial file holds, and the
/// coordinator's streaming merge (<see cref="PartialMerger"/>) gives the unsplit run's bytes whatever order the shards
/// arrive in (issue 15: the overhead of a cluster run).
/// </summary>
public class PartialBinaryTests
{
    private const long Iterations = 3_000;
    private const ulong Seed = 20261124;

    public static TheoryData<string> Scenarios() => ["us-national-base", "us-national-base-without-costs", "national-latin-hypercube",
        "payer-commercial-1m-threshold"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void TheBinaryFormHoldsWhatThePartialFileHolds(string name)
    {
        var partial = ShardRun.Run(ModelCompiler.Compile(Load(name)), new Shard(1, 3), "run", threads: 2);

        var read = PartialBinary.Read(PartialBinary.Write(partial));

        Assert.Null(read.Error);
        Assert.Equal(PartialJson.Write(partial), PartialJson.Write(read.Partial!));
    }

    [Fact]
    public void SketchedCellsSurviveTheBinaryForm()
    {
        var partial = ShardRun.Run(ModelCompiler.Compile(ApproximateMergeTests.WideScenario(costs: true)), new Shard(0, 2), "run", threads: 1);
        string json = PartialJson.Write(partial);
        Assert.Contains("\"sketch\":{\"min\":", json, StringComparison.Ordinal);

        var read = PartialBinary.Read(PartialBinary.Write(partial));

        Assert.Null(read.Error);
        Assert.Equal(json, PartialJson.Write(read.Partial!));
    }

    [Fact]
    public void TheBinaryFormIsAFractionOfTheFile()
    {
        var partial = ShardRun.Run(ModelCompiler.Compile(Load("us-national-base")), new Shard(0, 1), "run", threads: 2);

        int binary = PartialBinary.Write(partial).Length, json = Encoding.UTF8.GetByteCount(PartialJson.Write(partial));

        Assert.True(binary * 2 < json, $"binary {binary:N0} bytes, JSON {json:N0} bytes");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(16, 3)]
    public void ShardsMergedAsTheyArriveGiveTheUnsplitBytes(int shards, int order)
    {
        var model = ModelCompiler.Compile(Load("us-national-base"));
        string expected = GoldenResultsTests.WithoutTiming(ResultJson.Write(Simulator.Run(model, new RunOptions(Iterations, Seed, 2))));
        var arrival = Enumerable.Range(0, shards).OrderBy(_ => 0).ToArray();
        new Random(order).Shuffle(arrival);

        var merger = new PartialMerger();
        var seen = new HashSet<int>();
        foreach (int k in arrival)
        {
            var partial = PartialBinary.Read(PartialBinary.Write(ShardRun.Run(model, new Shard(k, shards), "run", threads: 1))).Partial!;
            Assert.Empty(merger.Add(new NamedPartial($"shard {k}", partial)));
            seen.Add(k);
            // Merged is the longest prefix 0, 1, … that has arrived: later shards wait for their turn.
            Assert.Equal(Enumerable.Range(0, shards + 1).First(j => !seen.Contains(j)), merger.Merged);
        }
        var merged = merger.Complete();

        Assert.True(merged.Succeeded, string.Join("\n", merged.Errors));
        Assert.Equal(expected, GoldenResultsTests.WithoutTiming(ResultJson.Write(merged.Result!)));
    }

    [Fact]
    public void TheStreamingMergeRefusesWhatDoesNotBelongAndNamesWhatIsMissing()
    {
        var scenario = Load("us-national-base-without-costs");
        var model = ModelCompiler.Compile(scenario);
        var zero = ShardRun.Run(model, new Shard(0, 4), "run", threads: 1);
        var otherSeed = ShardRun.Run(ModelCompiler.Compile(scenario with { Simulation = scenario.Simulation with { Seed = Seed + 1 } }),
            new Shard(1, 4), "run", threads: 1);
        var merger = new PartialMerger();

        Assert.Empty(merger.Add(new("a", zero)));
        Assert.Contains("b: seed 20261125 differs from a's 20261124", merger.Add(new("b", otherSeed)));
        Assert.Contains(merger.Add(new("c", zero)), e => e.Contains("shard 0/4 is given more than once", StringComparison.Ordinal));
        var incomplete = merger.Complete();

        Assert.False(incomplete.Succeeded);
        Assert.Equal(["missing shards 1/4, 2/4, 3/4 (have 1 of 4)"], incomplete.Errors);
    }

    [Fact]
    public void ABrokenBinaryPartialIsAnErrorNotACrash()
    {
        byte[] bytes = PartialBinary.Write(ShardRun.Run(ModelCompiler.Compile(Load("us-national-base-without-costs")), new Shard(0, 2), "run", threads: 1));
        byte[] otherVersion = [.. bytes];
        otherVersion[4] = 99;

        Assert.Contains("not a binary partial", PartialBinary.Read("{}"u8.ToArray()).Error, StringComparison.Ordinal);
        Assert.Contains("version 99", PartialBinary.Read(otherVersion).Error, StringComparison.Ordinal);
        foreach (int length in new[] { 5, 40, bytes.Length / 2, bytes.Length - 1 })
            Assert.NotNull(PartialBinary.Read(bytes[..length]).Error);
        Assert.Contains("bytes after the end", PartialBinary.Read([.. bytes, 0]).Error, StringComparison.Ordinal);
    }

    /// <summary>A scenario at 3,000 iterations and the shard tests' seed.</summary>
    private static Scenario Load(string name) => ShardMergeTests.Load(name);
}
