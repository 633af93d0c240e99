using System.Xml.Linq;
using FunnelSim.Cli;
using FunnelSim.Export;
using FunnelSim.Model;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class ReportCommandTests
{
    [Theory]
    [InlineData("scenarios/base.json", "scenarios/base.report.html")]
    [InlineData("out/base.results.json", "out/base.report.html")]
    [InlineData("base.RESULTS.JSON", "base.report.html")]
    [InlineData("plan.v2.json", "plan.v2.report.html")]
    [InlineData("notes", "notes.report.html")]
    public void TheDefaultOutputSitsBesideTheInput(string input, string expected) =>
        Assert.Equal(expected, ReportCommand.DefaultOutput(input));

    [Fact]
    public void FromAScenarioItRunsItAndWritesTheReportBesideIt()
    {
        using var temp = new TempFolder();
        string scenario = temp.File("payer.json");
        File.Copy(Scenario("payer-commercial-1m.json"), scenario);

        var outcome = Run("report", scenario, "--iterations", "1000", "--seed", "7", "--threads", "2", "--png", temp.File("png"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        Assert.Contains("wrote", outcome.Error);
        var document = XDocument.Load(temp.File("payer.report.html"));
        string text = document.Root!.Value;
        Assert.Contains(Export.ScenarioHash.OfFile(File.ReadAllBytes(scenario)), text);
        Assert.Contains("Scenario as run, SHA-256", text);
        Assert.Contains("1,000", text);
        Assert.Equal(9, Directory.GetFiles(temp.File("png"), "*.png").Length);
        Assert.True(File.Exists(temp.File("png/funnel-pdac.png")));
    }

    [Fact]
    public void FromResultsItUsesThemAndHashesTheEchoedScenario()
    {
        using var temp = new TempFolder();
        string results = temp.File("base.results.json");
        Assert.Equal(0, Run("run", "-n", "800", "--out", results).ExitCode);

        var outcome = Run("report", results, "--out", temp.File("mine.html"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.False(File.Exists(temp.File("base.report.html")));
        string text = XDocument.Load(temp.File("mine.html")).Root!.Value;
        var loaded = Export.ResultJsonReader.ReadFile(results);
        Assert.Contains(Export.ScenarioHash.OfCanonical(loaded.Result!.Scenario), text);
        Assert.Contains("canonical form", text);
        Assert.Contains("800", text);
    }

    [Fact]
    public void IterationsOrSeedWithResultsIsAUsageError()
    {
        using var temp = new TempFolder();
        string results = temp.File("base.results.json");
        Assert.Equal(0, Run("run", "-n", "200", "--out", results).ExitCode);

        var outcome = Run("report", results, "--seed", "3");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("holds results already", outcome.Error);
        Assert.False(File.Exists(temp.File("base.report.html")));
    }

    [Fact]
    public void AnInvalidOrMissingInputIsAClearError()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.json"), "{ \"schemaVersion\": 1, \"years\": 0 }");

        var missing = Run("report", temp.File("nope.json"));
        var bad = Run("report", temp.File("bad.json"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read", missing.Error);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error", bad.Error);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.html"));
    }
}
