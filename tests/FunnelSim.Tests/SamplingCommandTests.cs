using System.Text.Json;
using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class SamplingCommandTests
{
    private static string LatinHypercubeWithCorrelations(TempFolder folder, string uptakePath = "indications[1].testing.uptake")
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Scenario("us-national-base.json")))!;
        scenario["simulation"]!["sampling"] = "latin-hypercube";
        scenario["correlations"] = JsonNode.Parse($$"""[{ "a": "indications[0].testing.uptake", "b": "{{uptakePath}}", "rho": 0.6 }]""");
        string file = folder.File("lhs.json");
        File.WriteAllText(file, scenario.ToJsonString());
        return file;
    }

    [Fact]
    public void ALatinHypercubeRunWithCorrelationsSaysSoAndEchoesThem()
    {
        using var folder = new TempFolder();
        var outcome = Run("run", LatinHypercubeWithCorrelations(folder), "--iterations", "600", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        Assert.Equal("latin-hypercube", json.RootElement.GetProperty("run").GetProperty("sampling").GetString());
        var correlation = json.RootElement.GetProperty("scenario").GetProperty("correlations")[0];
        Assert.Equal("indications[1].testing.uptake", correlation.GetProperty("b").GetString());
        Assert.Equal(0.6, correlation.GetProperty("rho").GetDouble());
    }

    [Fact]
    public void PrecisionWorksWithLatinHypercubeByAddingReplicates()
    {
        using var folder = new TempFolder();
        var outcome = Run("run", LatinHypercubeWithCorrelations(folder), "--precision", "5%", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var run = json.RootElement.GetProperty("run");
        Assert.Equal("latin-hypercube", run.GetProperty("sampling").GetString());
        long iterations = run.GetProperty("iterations").GetInt64();
        int replicates = run.GetProperty("lhsReplicates").GetInt32();
        Assert.Equal(0, iterations % replicates);
        // The scenario echo says lhsReplicates where it is not the default 10, so the result reruns as it ran.
        var simulation = json.RootElement.GetProperty("scenario").GetProperty("simulation");
        int echoed = simulation.TryGetProperty("lhsReplicates", out var value) ? value.GetInt32() : 10;
        Assert.Equal(replicates, echoed);
    }

    [Fact]
    public void LatinHypercubeWithFewerThanFourIterationsIsRefusedNamingThePlace()
    {
        using var folder = new TempFolder();
        var outcome = Run("run", LatinHypercubeWithCorrelations(folder), "--iterations", "3");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("simulation.iterations (or --iterations): Latin hypercube sampling needs at least 4 iterations", outcome.Error);
    }

    [Fact]
    public void AMisspeltCorrelationPathIsAnInvalidScenario()
    {
        using var folder = new TempFolder();
        var outcome = Run("validate", LatinHypercubeWithCorrelations(folder, "indications[1].testing.uptak"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: correlations[0].b", outcome.Out + outcome.Error);
        Assert.Contains("did you mean 'indications[1].testing.uptake'?", outcome.Out + outcome.Error);
    }
}
