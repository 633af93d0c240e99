using System.Text.RegularExpressions;
using FunnelSim.Cluster;
using FunnelSim.Tests.Shared;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary><c>calibrate --cluster FILE</c>: the posterior and report of the same command without it; no worker, a clear error.</summary>
public sealed partial class ClusterCommandTests
{
    [Fact]
    public void CalibrateOnTheClusterWritesTheLocalPosterior()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("small.json"), SmallCalibration.ScenarioJson);
        File.WriteAllText(temp.File("observed.json"), SmallCalibration.ObservedJson);
        string[] common = [temp.File("small.json"), "--observed", temp.File("observed.json"), "--draws", "100", "--seed", "3"];

        var local = Run(["calibrate", .. common, "--out", temp.File("local.json"), "--report", temp.File("local-report.json")]);
        var cluster = Run(["calibrate", .. common, "--out", temp.File("cluster.json"), "--report", temp.File("cluster-report.json"),
            "--cluster", worker.ClusterFile]);

        Assert.True(local.ExitCode == 0, local.Error);
        Assert.True(cluster.ExitCode == 0, cluster.Error);
        Assert.Equal(File.ReadAllText(temp.File("local.json")), File.ReadAllText(temp.File("cluster.json")));
        Assert.Equal(WithoutElapsed(File.ReadAllText(temp.File("local-report.json"))),
            WithoutElapsed(File.ReadAllText(temp.File("cluster-report.json"))));
        Assert.Equal(local.Out, cluster.Out);
        Assert.Matches(@"cluster: calibration stage \d+ \(power 1\.000\), \d+/\d+ chunks of particles, 1 worker alive", cluster.Error);
    }

    [Fact]
    public void CalibrateWithNoWorkerAnsweringIsAClearError()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("nobody.json"),
            $$"""{ "clustering": "localhost", "gatewayPort": {{ClusterHosting.FreePort()}}, "answerTimeoutSeconds": 1 }""");

        var outcome = Run("calibrate", Scenario("us-national-base.json"), "--observed",
            Path.Combine(RepositoryRoot, "scenarios", "observed", "illustrative-2026.json"), "--draws", "100",
            "--cluster", temp.File("nobody.json"), "--out", temp.File("posterior.json"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("funnelsim calibrate: --cluster", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("no FunnelSim worker answered within 1 s", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("funnelsim worker --cluster FILE", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("posterior.json")));
    }

    private static string WithoutElapsed(string json) => ElapsedLine().Replace(json, "");

    [GeneratedRegex(@"""elapsedSeconds"": [^,\n]*")]
    private static partial Regex ElapsedLine();
}
