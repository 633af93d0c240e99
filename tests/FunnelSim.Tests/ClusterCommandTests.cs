using System.Text.RegularExpressions;
using FunnelSim.Cluster;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>
/// <c>--cluster FILE</c> on <c>run</c>, <c>budget</c>, <c>batch</c> and <c>batch --sweep</c>, against a worker in this
/// process: the files written are those of the same command without <c>--cluster</c> (timing fields aside).
/// </summary>
public sealed partial class ClusterCommandTests(ClusterWorkerFixture worker) : IClassFixture<ClusterWorkerFixture>
{
    [Fact]
    public void RunOnTheClusterWritesTheSingleProcessResults()
    {
        using var temp = new TempFolder();
        string scenario = Scenario("us-national-base.json");

        var cluster = Run("run", scenario, "-n", "3000", "--seed", "21", "--cluster", worker.ClusterFile, "--out", temp.File("cluster.json"));
        var local = Run("run", scenario, "-n", "3000", "--seed", "21", "--out", temp.File("local.json"));

        Assert.True(cluster.ExitCode == 0, cluster.Error);
        Assert.Equal(0, local.ExitCode);
        Assert.Equal(WithoutTiming(File.ReadAllText(temp.File("local.json"))), WithoutTiming(File.ReadAllText(temp.File("cluster.json"))));
        Assert.Matches(@"cluster: \d+/\d+ shards, 3,000/3,000 iterations, [\d,]+ iterations/s, 1 worker alive", cluster.Error);
    }

    [Fact]
    public void BudgetOnTheClusterWritesTheSingleProcessResults()
    {
        using var temp = new TempFolder();
        string scenario = Scenario("payer-commercial-1m.json");

        var cluster = Run("budget", scenario, "-n", "1500", "--cluster", worker.ClusterFile, "--out", temp.File("cluster.csv"));
        var local = Run("budget", scenario, "-n", "1500", "--out", temp.File("local.csv"));

        Assert.True(cluster.ExitCode == 0, cluster.Error);
        Assert.Equal(local.Out, cluster.Out);
        Assert.Equal(File.ReadAllText(temp.File("local.csv")), File.ReadAllText(temp.File("cluster.csv")));
    }

    [Fact]
    public void BatchItemsAndSweepPointsOnTheClusterEqualTheirSingleProcessRuns()
    {
        using var temp = new TempFolder();
        string[] files = [Scenario("us-national-base.json"), Scenario("whatif-rna-first-testing.json")];
        File.Copy(Scenario("us-national-base.json"), temp.File("base.json"));
        File.WriteAllText(temp.File("sweep.json"),
            """{ "base": "base.json", "axes": [ { "path": "indications[0].testing.uptake.value", "values": [0.5, 0.6, 0.7] } ] }""");

        var batchCluster = Run(["batch", .. files, "--out-dir", temp.File("batch-cluster"), "-n", "800", "--cluster", worker.ClusterFile]);
        var batchLocal = Run(["batch", .. files, "--out-dir", temp.File("batch-local"), "-n", "800"]);
        var sweepCluster = Run("batch", "--sweep", temp.File("sweep.json"), "--out-dir", temp.File("sweep-cluster"), "-n", "700",
            "--cluster", worker.ClusterFile);
        var sweepLocal = Run("batch", "--sweep", temp.File("sweep.json"), "--out-dir", temp.File("sweep-local"), "-n", "700");

        Assert.True(batchCluster.ExitCode == 0, batchCluster.Error);
        Assert.True(sweepCluster.ExitCode == 0, sweepCluster.Error);
        Assert.Equal(0, batchLocal.ExitCode + sweepLocal.ExitCode);
        AssertSameFiles(temp.File("batch-local"), temp.File("batch-cluster"));
        AssertSameFiles(temp.File("sweep-local"), temp.File("sweep-cluster"));
    }

    [Theory]
    [InlineData("--precision", "0.01")]
    [InlineData("--shard", "0/2")]
    [InlineData("--draws", "draws.parquet")]
    public void ClusterWithPrecisionShardOrDrawsIsAUsageError(string option, string value)
    {
        var outcome = Run("run", "--cluster", worker.ClusterFile, option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--cluster", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWorkerAnsweringIsAClearErrorNotAHang()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("nobody.json"),
            $$"""{ "clustering": "localhost", "gatewayPort": {{ClusterHosting.FreePort()}}, "answerTimeoutSeconds": 1 }""");

        var outcome = Run("run", "-n", "1000", "--cluster", temp.File("nobody.json"), "--out", temp.File("result.json"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no FunnelSim worker answered within 1 s", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("funnelsim worker --cluster FILE", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("result.json")));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("worker")]
    public void AnUnreadableClusterFileIsRefusedNamingIt(string command)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.json"), """{ "clustering": "zookeeper" }""");

        var outcome = Run(command, "--cluster", temp.File("bad.json"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("bad.json", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("\"localhost\" or \"redis\"", outcome.Error, StringComparison.Ordinal);
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var names = Directory.GetFiles(expectedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(actualFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (string? name in names)
            Assert.Equal(WithoutTiming(File.ReadAllText(Path.Combine(expectedFolder, name!))),
                WithoutTiming(File.ReadAllText(Path.Combine(actualFolder, name!))));
    }

    private static string WithoutTiming(string json) => TimingLine().Replace(json, "");

    [GeneratedRegex(@"^    ""(?:threads|elapsedSeconds)"": [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex TimingLine();
}
