using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public class SweepBatchTests
{
    private const string Uptake = "indications[1].testing.uptake.value";
    private const string RnaShare = "indications[1].testing.modalities[1].share";

    private static void WriteSweep(TempFolder folder, string axes)
    {
        File.Copy(Scenario("us-national-base.json"), folder.File("base.json"));
        File.WriteAllText(folder.File("sweep.json"), $$"""{ "base": "base.json", "axes": [ {{axes}} ] }""");
    }

    /// <summary>The results without the run's time and thread count, which differ between runs.</summary>
    private static string Summaries(string resultsJson)
    {
        var json = JsonNode.Parse(resultsJson)!.AsObject();
        json.Remove("run");
        return json.ToJsonString();
    }

    [Fact]
    public void AThreeByThreeSweepGivesNineResultsEqualToIndividualRunsOfThePoints()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        double[] uptakes = [0.35, 0.45, 0.55], shares = [0.2, 0.3, 0.5];
        WriteSweep(input, $$"""
            { "path": "{{Uptake}}", "values": [0.35, 0.45, 0.55] },
            { "path": "{{RnaShare}}", "values": [0.2, 0.3, 0.5] }
            """);

        var outcome = Run("batch", "--sweep", input.File("sweep.json"), "--out-dir", output.Path, "--iterations", "400", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("rescaled in proportion", outcome.Error);
        string[] files = [.. Directory.GetFiles(output.Path, "point-*.results.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];
        Assert.Equal(9, files.Length);
        Assert.Equal("point-0_0.35_0.2.results.json", files[0]);
        Assert.Equal("point-8_0.55_0.5.results.json", files[8]);

        // Each point against an individual run of the same scenario, built here by hand: set the values and rescale
        // the other PDAC shares (base: dna 0.4, rna 0.3, liquid 0.3).
        for (int u = 0; u < 3; u++)
        {
            for (int s = 0; s < 3; s++)
            {
                var scenario = JsonNode.Parse(File.ReadAllText(Scenario("us-national-base.json")))!;
                var pdac = scenario["indications"]![1]!["testing"]!;
                // The range moves with the value on the logit scale (docs/scenario-format.md#parameters).
                var uptake = pdac["uptake"]!;
                double shift = Logit(uptakes[u]) - Logit(uptake["value"]!.GetValue<double>());
                foreach (string end in new[] { "low", "high" })
                    uptake[end] = double.Parse((1 / (1 + Math.Exp(-(Logit(uptake[end]!.GetValue<double>()) + shift)))).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                uptake["value"] = uptakes[u];
                var modalities = pdac["modalities"]!.AsArray();
                modalities[1]!["share"] = shares[s];
                modalities[0]!["share"] = 0.4 * ((1 - shares[s]) / (0.4 + 0.3));
                modalities[2]!["share"] = 0.3 * ((1 - shares[s]) / (0.4 + 0.3));
                string single = input.File($"single-{u}-{s}.json");
                File.WriteAllText(single, scenario.ToJsonString());
                var individual = Run("run", single, "--iterations", "400", "--threads", "1");
                Assert.Equal(0, individual.ExitCode);

                string point = File.ReadAllText(Path.Combine(output.Path, files[3 * u + s]));
                Assert.Equal(Summaries(individual.Out), Summaries(point));
            }
        }

        string[] csv = File.ReadAllLines(Path.Combine(output.Path, "sweep.csv"));
        Assert.Equal($"point,{Uptake},{RnaShare},indication,year,metric,mean,sd,mcse,p5,p10,p25,p50,p75,p90,p95,min,max,iterations", csv[0]);
        Assert.Equal(9, csv.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        var pdacTreated = csv.Single(l => l.StartsWith("4,0.45,0.3,pdac,2030,treatedNew,", StringComparison.Ordinal)).Split(',');
        using var point4 = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, files[4])));
        double mean = point4.RootElement.GetProperty("indications")[1].GetProperty("years")[4].GetProperty("metrics")
            .GetProperty("treatedNew").GetProperty("mean").GetDouble();
        Assert.Equal(mean, double.Parse(pdacTreated[6], CultureInfo.InvariantCulture));

        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "sweep.json")));
        var points = index.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(9, points.Length);
        Assert.All(points, p => Assert.Equal("ok", p.GetProperty("status").GetString()));
        Assert.Equal(files[7], points[7].GetProperty("file").GetString());
        Assert.Contains("rescaled", index.RootElement.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public void TheSummaryTableCarriesTheMoneyMetricsOfEachPoint()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        File.Copy(Scenario("payer-commercial-1m.json"), input.File("plan.json"));
        File.WriteAllText(input.File("sweep.json"),
            """{ "base": "plan.json", "axes": [ { "path": "costs.drugPerDose.mode", "values": [24000, 30000] } ] }""");

        var outcome = Run("batch", "--sweep", input.File("sweep.json"), "--out-dir", output.Path, "--iterations", "300", "--threads", "2");

        Assert.Equal(0, outcome.ExitCode);
        string[] csv = File.ReadAllLines(Path.Combine(output.Path, "sweep.csv"));
        Assert.EndsWith(",min,max,iterations", csv[0]);
        string[] Row(int point, string metric) =>
            csv.Single(l => l.StartsWith($"{point},", StringComparison.Ordinal) && l.Contains($",total,2030,{metric},", StringComparison.Ordinal)).Split(',');
        double Mean(int point, string metric) => double.Parse(Row(point, metric)[5], CultureInfo.InvariantCulture);

        // A dearer drug: more drug cost and budget impact; the comparator and the tests are the same patients' and unchanged.
        Assert.True(Mean(1, "costDrug") > Mean(0, "costDrug"));
        Assert.True(Mean(1, "budgetImpact") > Mean(0, "budgetImpact"));
        Assert.Equal(Mean(0, "costComparator"), Mean(1, "costComparator"));
        Assert.Equal(Mean(0, "costTesting"), Mean(1, "costTesting"));
        Assert.Equal(Mean(1, "budgetImpact") / 12_000_000, Mean(1, "pmpm"), 1e-12);
        Assert.Equal("300", Row(0, "budgetImpact")[^1]);
        // Per treated patient: only the iterations with someone on treatment.
        Assert.InRange(long.Parse(Row(0, "budgetImpactPerTreated")[^1], CultureInfo.InvariantCulture), 1, 300);
        using var point = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(output.Path, "point-1_*.results.json").Single()));
        double json = point.RootElement.GetProperty("total").GetProperty("years")[4].GetProperty("metrics")
            .GetProperty("budgetImpact").GetProperty("mean").GetDouble();
        Assert.Equal(json, Mean(1, "budgetImpact"));
    }

    [Fact]
    public void AnInvalidPointIsReportedWithTheValidatorsMessageAndTheRestStillRun()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        // PDAC uptake is a probability: a value of 1.7 fails validation.
        WriteSweep(input, $$"""{ "path": "{{Uptake}}", "values": [0.4, 1.7, 0.5] }""");

        var outcome = Run("batch", "--sweep", input.File("sweep.json"), "--out-dir", output.Path, "--iterations", "200");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"point 1 ({Uptake} = 1.7): error: {Uptake}: must be between 0 and 1 (a probability); got 1.7", outcome.Error);
        Assert.Contains("2 of 3 points written", outcome.Error);
        Assert.Equal(["point-0_0.4.results.json", "point-2_0.5.results.json", "sweep.csv", "sweep.json"],
            Directory.GetFiles(output.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "sweep.json")));
        var bad = index.RootElement.GetProperty("points")[1];
        Assert.Equal("invalid", bad.GetProperty("status").GetString());
        Assert.Contains("must be between 0 and 1", bad.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public void AnAxisThatDoesNotExistIsAClearErrorAndNothingRuns()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        WriteSweep(input, """{ "path": "indications[1].testing.uptak.value", "values": [0.4] }""");

        var outcome = Run("batch", "--sweep", input.File("sweep.json"), "--out-dir", output.Path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: axes[0].path (line 1, column", outcome.Error);
        Assert.Contains("axis 1: 'indications[1].testing.uptak.value' does not exist", outcome.Error);
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public void ABadSweepFileIsAnErrorWithLineAndColumn()
    {
        using var input = new TempFolder();
        File.WriteAllText(input.File("sweep.json"), "{\n  \"base\": \"base.json\",\n  \"axes\": [ ]\n}");
        var outcome = Run("batch", "--sweep", input.File("sweep.json"), "--out-dir", input.File("out"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: axes (line 3, column 11): must be an array of 1 to 8 axes", outcome.Error);
    }

    [Fact]
    public void SweepAndScenarioFilesTogetherOrNeitherAreUsageErrors()
    {
        var both = Run("batch", "--sweep", "sweep.json", Scenario("us-national-base.json"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error);
        var neither = Run("batch");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--sweep", neither.Error);
        var noOutDir = Run("batch", Scenario("us-national-base.json"));
        Assert.Equal(2, noOutDir.ExitCode);
    }

    private static double Logit(double p) => Math.Log(p) - Math.Log(1 - p);

}
