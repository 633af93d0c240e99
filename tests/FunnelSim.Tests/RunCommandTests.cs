using System.Text.Json;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

public class RunCommandTests
{
    [Fact]
    public void RunWithoutAScenarioRunsTheBuiltInBaseCase()
    {
        var outcome = Run("run", "--iterations", "2000", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var root = json.RootElement;
        Assert.Equal(["scenario", "run", "indications", "total", "prices"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["iterations", "seed", "sampling", "engineVersion", "threads", "elapsedSeconds"],
            root.GetProperty("run").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2000, root.GetProperty("run").GetProperty("iterations").GetInt64());
        Assert.Equal(2000, root.GetProperty("scenario").GetProperty("simulation").GetProperty("iterations").GetInt64());
        Assert.Equal(["nsclc", "pdac", "cca"], root.GetProperty("indications").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var firstYear = root.GetProperty("total").GetProperty("years")[0];
        Assert.Equal(2026, firstYear.GetProperty("year").GetInt32());
        var treated = firstYear.GetProperty("metrics").GetProperty("treatedNew");
        foreach (string key in new[] { "mean", "sd", "mcse", "p5", "p50", "p95" })
            Assert.True(treated.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void TheBuiltInBaseCaseIsTheShippedScenarioFile()
    {
        var builtIn = Run("run", "--iterations", "500", "--threads", "1");
        var file = Run("run", Scenario("us-national-base.json"), "--iterations", "500", "--threads", "1");
        Assert.Equal(0, file.ExitCode);
        Assert.Equal(WithoutRunTimes(builtIn.Out), WithoutRunTimes(file.Out));
    }

    [Fact]
    public void CsvHasAHeaderAndOneRowPerIndicationYearMetric()
    {
        var outcome = Run("run", "--iterations", "500", "--format", "csv");
        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("indication,year,metric,mean,sd,mcse,p5,p10,p25,p50,p75,p90,p95,min,max,iterations", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("pdac,2028,treatedNew,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("total,2030,doses,", StringComparison.Ordinal));
    }

    [Fact]
    public void OutWritesTheFileAndNothingToStandardOutput()
    {
        using var temp = new TempFolder();
        string target = temp.File("result.json");
        var outcome = Run("run", "--iterations", "500", "--out", target);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal(500, json.RootElement.GetProperty("run").GetProperty("iterations").GetInt64());
        Assert.Equal(["result.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AnInvalidScenarioNeverOverwritesAGoodResult()
    {
        using var temp = new TempFolder();
        string target = temp.File("result.json");
        File.WriteAllText(target, "good");
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, "{ \"schemaVersion\": 1, ");

        var outcome = Run("run", bad, "--out", target);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("good", File.ReadAllText(target));
        Assert.Contains("line 1, column", outcome.Error);
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void TheFileIsValidatedAsWrittenBeforeOverrides()
    {
        using var temp = new TempFolder();
        string scenario = temp.File("zero.json");
        string text = File.ReadAllText(Scenario("us-national-base.json"));
        using var doc = JsonDocument.Parse(text);
        File.WriteAllText(scenario, System.Text.RegularExpressions.Regex.Replace(text, "\"iterations\"\\s*:\\s*\\d+", "\"iterations\": 0"));

        var outcome = Run("run", scenario, "--iterations", "1000");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("simulation.iterations", outcome.Error);
    }

    [Theory]
    [InlineData("--iterations", "0")]
    [InlineData("--iterations", "abc")]
    [InlineData("--iterations", "200000000")]
    [InlineData("--threads", "0")]
    [InlineData("--seed", "-1")]
    [InlineData("--format", "xml")]
    public void BadOptionsAreUsageErrors(string option, string value)
    {
        var outcome = Run("run", option, value);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--help", outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var outcome = Run("run", "--iteratons", "5");
        Assert.Equal(2, outcome.ExitCode);
    }

    [Fact]
    public void ThousandsSeparatorsInIterationsAreAccepted()
    {
        var outcome = Run("run", "--iterations", "1_000", "--format", "csv");
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public void AMissingFileIsInvalidInputNamingTheFile()
    {
        var outcome = Run("run", "no-such-scenario.json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no-such-scenario.json", outcome.Error);
    }

    [Fact]
    public void AMissingOutputFolderIsReportedBeforeRunning()
    {
        var outcome = Run("run", "--iterations", "100", "--out", Path.Combine(Path.GetTempPath(), "no-such-folder-xyz", "r.json"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.Error);
    }

    [Fact]
    public void SameSeedGivesIdenticalResultsOnAnyThreadCount()
    {
        var one = Run("run", "--iterations", "3000", "--threads", "1", "--seed", "11");
        var two = Run("run", "--iterations", "3000", "--threads", "2", "--seed", "11");
        Assert.Equal(WithoutRunTimes(one.Out), WithoutRunTimes(two.Out));
    }

    [Fact]
    public void TheEchoedScenarioRerunsToTheSameResults()
    {
        // Given a run with command-line overrides
        var first = Run("run", "--iterations", "700", "--seed", "31337", "--threads", "1");
        using var temp = new TempFolder();
        string echo = temp.File("echo.json");
        File.WriteAllText(echo, System.Text.Json.Nodes.JsonNode.Parse(first.Out)!["scenario"]!.ToJsonString());

        // When the echoed scenario is run as it is
        var again = Run("run", echo, "--threads", "2");

        // Then the results are identical
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(WithoutRunTimes(first.Out), WithoutRunTimes(again.Out));
    }

    internal static string WithoutRunTimes(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var run = node["run"]!.AsObject();
        run.Remove("elapsedSeconds");
        run.Remove("threads");
        return node.ToJsonString();
    }
}
