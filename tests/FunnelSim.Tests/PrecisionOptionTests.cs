using System.Text.Json;
using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class PrecisionOptionTests
{
    [Fact]
    public void APrecisionRunSaysWhenItStoppedAndMatchesAPlainRunOfThatLength()
    {
        var precise = Run("run", "--precision", "2%", "--threads", "2");
        Assert.Equal(0, precise.ExitCode);
        Assert.Contains("precision reached after", precise.Error);

        using var json = JsonDocument.Parse(precise.Out);
        var run = json.RootElement.GetProperty("run");
        var convergence = run.GetProperty("convergence");
        Assert.Equal(["metric", "precision", "achieved", "worstCell", "stopReason", "maxIterations", "chunks"],
            convergence.EnumerateObject().Select(p => p.Name));
        Assert.Equal("precision-reached", convergence.GetProperty("stopReason").GetString());
        Assert.Equal(0.02, convergence.GetProperty("precision").GetDouble());
        Assert.True(convergence.GetProperty("achieved").GetDouble() <= 0.02);

        long iterations = run.GetProperty("iterations").GetInt64();
        var plain = Run("run", "--iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "1");
        using var plainJson = JsonDocument.Parse(plain.Out);
        Assert.Equal(plainJson.RootElement.GetProperty("indications").GetRawText(), json.RootElement.GetProperty("indications").GetRawText());
        Assert.Equal(plainJson.RootElement.GetProperty("total").GetRawText(), json.RootElement.GetProperty("total").GetRawText());
    }

    [Fact]
    public void TheCapIsReportedAsTheReasonToStop()
    {
        var outcome = Run("run", "--precision", "0.001", "--max-iterations", "3,000", "--threads", "2");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("stopped at --max-iterations 3,000 before the precision target", outcome.Error);
        using var json = JsonDocument.Parse(outcome.Out);
        Assert.Equal("max-iterations", json.RootElement.GetProperty("run").GetProperty("convergence").GetProperty("stopReason").GetString());
        Assert.Equal(3000, json.RootElement.GetProperty("run").GetProperty("iterations").GetInt64());
    }

    [Fact]
    public void CellsZeroInExpectationAreNamedAsSkippedNotClaimed()
    {
        // Given the base case with nobody prescribed in CCA: its treatedNew is 0 in every iteration and in expectation
        using var folder = new TempFolder();
        var scenario = JsonNode.Parse(File.ReadAllText(Scenario("us-national-base.json")))!;
        scenario["indications"]![2]!["postDetectionSteps"]![0]!["probability"] = 0;
        string file = folder.File("no-cca.json");
        File.WriteAllText(file, scenario.ToJsonString());

        var outcome = Run("run", file, "--precision", "5%", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("of the mean in every indication × year but cca 2026, cca 2027, cca 2028, cca 2029, cca 2030 " +
                        "(0 in every iteration and in expectation: skipped)", outcome.Error);
        using var json = JsonDocument.Parse(outcome.Out);
        var skipped = json.RootElement.GetProperty("run").GetProperty("convergence").GetProperty("skippedCells");
        Assert.Equal(["cca 2026", "cca 2027", "cca 2028", "cca 2029", "cca 2030"], skipped.EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(new[] { "--precision", "1" }, "did you mean 1%?")]
    [InlineData(new[] { "--precision", "abc" }, "a percentage such as 0.5%")]
    [InlineData(new[] { "--precision", "0%" }, "above 0% and below 100%")]
    [InlineData(new[] { "--precision", "1%", "--iterations", "5000" }, "cap it with --max-iterations")]
    [InlineData(new[] { "--max-iterations", "5000" }, "give --precision too")]
    [InlineData(new[] { "--precision", "1%", "--max-iterations", "0" }, "--max-iterations must be a whole number")]
    public void MisuseIsAUsageError(string[] options, string message)
    {
        var outcome = Run(["run", .. options]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal("", outcome.Out);
    }
}
