using System.Text.Json;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

public class ValidateAndBatchTests
{
    private const string Broken = """
        {
          "schemaVersion": 1,
          "startYear": 2026,
          "years": 50,
          "indications": []
        }
        """;

    [Fact]
    public void ValidateReportsOkForEveryShippedScenario()
    {
        string[] files = Directory.GetFiles(Path.Combine(RepositoryRoot, "scenarios"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToArray();
        Assert.True(files.Length >= 3);
        var outcome = Run(["validate", .. files]);
        Assert.Equal(0, outcome.ExitCode);
        foreach (string file in files) Assert.Contains($"{file}: ok", outcome.Out);
    }

    [Fact]
    public void ValidateChecksEveryShippedFileByWhatItHolds()
    {
        // Scenarios, sweeps and observed counts side by side, as 'validate scenarios/*.json scenarios/*/*.json' lists them.
        string root = Path.Combine(RepositoryRoot, "scenarios");
        string[] files = [.. Directory.GetFiles(root, "*.json"), .. Directory.GetDirectories(root).SelectMany(d => Directory.GetFiles(d, "*.json"))];
        string observed = Path.Combine(root, "observed", "illustrative-2026.json");
        Assert.Contains(observed, files);

        var outcome = Run(["validate", .. files]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"{observed}: ok (observed counts, 4 observations, checked against the built-in base case)", outcome.Out);
        Assert.DoesNotContain("error", outcome.Out);
    }

    [Fact]
    public void ValidateNamesTheObservationThatTheBaseCaseLacks()
    {
        using var temp = new TempFolder();
        string file = temp.File("observed.json");
        File.WriteAllText(file, """{ "observations": [ { "indication": "nsclc", "year": 2099, "metric": "treatedNew", "value": 4 } ] }""");

        var outcome = Run("validate", file);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("observations[0].year (line 1, column", outcome.Out);
        Assert.Contains("checked against the built-in base case", outcome.Out);
    }

    [Fact]
    public void ValidateChecksTheScenarioAsChangedBySet()
    {
        string file = Path.Combine(RepositoryRoot, "scenarios", "us-national-base.json");

        var ok = Run("validate", file, "--set", "indications[pdac].testing.uptake.value=0.7");
        var bad = Run("validate", file, "--set", "indications[pdac].testing.uptake.value=7");
        var typo = Run("validate", file, "--set", "indications[pdax].testing.uptake.value=0.7");

        Assert.Equal(0, ok.ExitCode);
        Assert.Contains($"{file}: ok", ok.Out);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("must be between 0 and 1", bad.Out);
        Assert.Contains("--set indications[pdac].testing.uptake.value=7", bad.Out);
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("did you mean 'pdac'", typo.Out);
    }

    [Fact]
    public void ValidateNamesThePathAndTheAllowedRange()
    {
        using var temp = new TempFolder();
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, Broken);

        var outcome = Run("validate", bad);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("years", outcome.Out);
        Assert.Contains("30", outcome.Out);
        Assert.Contains("indications", outcome.Out);
        Assert.Contains("line 4", outcome.Out);
    }

    [Fact]
    public void ValidateGivesLineAndColumnForSyntaxErrors()
    {
        using var temp = new TempFolder();
        string bad = temp.File("syntax.json");
        File.WriteAllText(bad, "{\n  \"schemaVersion\": 1,\n  \"name\": \"x\" \"years\": 5\n}");
        var outcome = Run("validate", bad);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("line 3, column", outcome.Out);
    }

    [Fact]
    public void BatchRunsTheGoodFilesAndReportsTheBadOne()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        // The what-if is an overlay of us-national-base.json beside it.
        File.Copy(Scenario("us-national-base.json"), input.File("us-national-base.json"));
        File.Copy(Scenario("whatif-low-testing-uptake.json"), input.File("low uptake.json"));
        File.WriteAllText(input.File("broken.json"), Broken);

        var outcome = Run("batch", input.Path, "--out-dir", output.Path, "--iterations", "500");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("broken.json", outcome.Error);
        string[] written = [.. Directory.GetFiles(output.Path).Select(f => Path.GetFileName(f)!).Order()];
        Assert.Equal(["batch.json", "low-uptake.results.json", "us-national-base.results.json"], written);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "us-national-base.results.json")));
        Assert.Equal(500, json.RootElement.GetProperty("run").GetProperty("iterations").GetInt64());
    }

    [Fact]
    public void BatchOfGoodFilesSucceedsAndWritesCsvWhenAsked()
    {
        using var output = new TempFolder();
        var outcome = Run("batch", Scenario("us-national-base.json"), Scenario("whatif-rna-first-testing.json"),
            "--out-dir", output.Path, "--iterations", "300", "--format", "csv");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(2, Directory.GetFiles(output.Path, "*.results.csv").Length);
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b\\c:d")]
    [InlineData("")]
    public void OutputNamesStayInsideTheOutputFolder(string stem)
    {
        using var output = new TempFolder();
        var names = new FunnelSim.Cli.OutputFileNames(output.Path);
        string path = names.For(stem + ".json", ".results.json");
        Assert.Equal(output.Path, Path.GetDirectoryName(path));
        Assert.False(Path.GetFileName(path).StartsWith('.'));
    }

    [Fact]
    public void SchemaPrintsTheShippedSchema()
    {
        var outcome = Run("schema");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot, "scenarios", "scenario.schema.json")), outcome.Out);
        using var _ = JsonDocument.Parse(outcome.Out);
    }

    [Fact]
    public void HelpIsAvailableOnEveryCommand()
    {
        foreach (string command in new[] { "run", "validate", "batch", "schema" })
        {
            var outcome = Run(command, "--help");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("Usage:", outcome.Out);
        }
    }
}
