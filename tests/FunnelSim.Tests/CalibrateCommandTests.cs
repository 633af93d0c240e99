using System.Text.Json;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class CalibrateCommandTests
{
    private static string Example => Path.Combine(RepositoryRoot, "scenarios", "observed", "illustrative-2026.json");

    [Fact]
    public void CalibratingTheBaseCaseWritesAPosteriorScenarioThatValidatesAndRuns()
    {
        using var folder = new TempFolder();
        string posterior = folder.File("posterior.json"), report = folder.File("calibration.json");

        var outcome = Run("calibrate", Scenario("us-national-base.json"), "--observed", Example, "--out", posterior, "--report", report,
            "--draws", "300", "--threads", "2");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("Calibration of US national base case", outcome.Out);
        Assert.Contains("Inputs the data moved", outcome.Out);
        Assert.Contains("Projection: total treatedNew", outcome.Out);
        Assert.Contains("outside the prior predictive 99% interval", outcome.Error); // the illustrative counts are ~3× the prior
        Assert.Equal(0, Run("validate", posterior).ExitCode);
        var run = Run("run", posterior, "-n", "500", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("calibrated to illustrative-2026.json (", File.ReadAllText(posterior));

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(300, root.GetProperty("run").GetProperty("draws").GetInt32());
        Assert.Equal(4, root.GetProperty("observations").GetArrayLength());
        Assert.True(root.GetProperty("observations")[1].GetProperty("conflict").GetBoolean());
        Assert.Contains(root.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("updated").GetBoolean());
    }

    [Fact]
    public void TheDefaultOutputSitsBesideTheScenario()
    {
        using var folder = new TempFolder();
        string scenario = folder.File("mine.json");
        File.Copy(Scenario("us-national-base.json"), scenario);

        var outcome = Run("calibrate", scenario, "--observed", Example, "--draws", "100", "--threads", "1");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.True(File.Exists(folder.File("mine.posterior.json")));
        Assert.Contains("mine.posterior.json", outcome.Error);
    }

    [Fact]
    public void ABadObservationNamesItsPlaceLineAndColumn()
    {
        using var folder = new TempFolder();
        string observed = folder.File("observed.json");
        File.WriteAllText(observed, """
            {
              "observations": [
                { "indication": "nsclc", "year": 2026, "metric": "treatednew", "value": 41 },
                { "indication": "pdca", "year": 2026, "metric": "tested", "value": 10 },
                { "indication": "cca", "year": 2040, "metric": "tested", "value": 10 },
                { "indication": "cca", "year": 2026, "metric": "budgetImpact", "value": 3 }
              ]
            }
            """);

        var outcome = Run("calibrate", Scenario("us-national-base.json"), "--observed", observed, "--out", folder.File("p.json"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("observations[0].metric (line 3, column", outcome.Error);
        Assert.Contains("did you mean 'treatedNew'", outcome.Error);
        Assert.Contains("observations[1].indication (line 4", outcome.Error);
        Assert.Contains("did you mean 'pdac'", outcome.Error);
        Assert.Contains("observations[2].year", outcome.Error);
        Assert.Contains("2026 to 2030", outcome.Error);
        Assert.Contains("observations[3].metric", outcome.Error);
        Assert.Contains("'budgetImpact' is money, not a count", outcome.Error);
        Assert.False(File.Exists(folder.File("p.json")));
    }

    [Fact]
    public void OverlappingCountsAreRefusedWithTheReason()
    {
        using var folder = new TempFolder();
        string observed = folder.File("observed.json");
        File.WriteAllText(observed, """
            { "observations": [
              { "indication": "nsclc", "year": 2026, "metric": "fusionPositive", "value": 40 },
              { "indication": "nsclc", "year": 2026, "metric": "tested", "value": 30000 } ] }
            """);

        var outcome = Run("calibrate", "--observed", observed, "--out", folder.File("p.json"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("overlap without one containing the other", outcome.Error);
    }

    [Fact]
    public void MissingObservedAndBadDrawsAreUsageErrors()
    {
        Assert.Equal(2, Run("calibrate").ExitCode);
        var outcome = Run("calibrate", "--observed", Example, "--draws", "5");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--draws", outcome.Error);
    }

    [Fact]
    public void AnHtmlReportIsThePosteriorsReportWithACalibrationSection()
    {
        using var folder = new TempFolder();
        string html = folder.File("calibration.html");

        var outcome = Run("calibrate", Scenario("us-national-base.json"), "--observed", Example, "--out", folder.File("posterior.json"),
            "--report", html, "--draws", "200", "--iterations", "500", "--threads", "2");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var document = System.Xml.Linq.XDocument.Load(html);
        System.Xml.Linq.XNamespace x = "http://www.w3.org/1999/xhtml";
        var sections = document.Descendants(x + "section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(["headline", "calibration", "funnel"], sections.Take(3));
        var calibration = document.Descendants(x + "section").Single(s => (string?)s.Attribute("id") == "calibration");
        Assert.Contains("conflict", calibration.Value);
        Assert.Contains("indications[0].prevalence", calibration.Value);
        Assert.Equal(5, calibration.Descendants().Count(e => e.Name.LocalName == "svg")); // four observed series and total new starts
    }
}
