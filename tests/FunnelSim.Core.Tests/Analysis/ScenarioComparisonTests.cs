using System.Text.Json.Nodes;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// A comparison pairs iteration k of A with iteration k of B on the same random streams, so the difference carries
/// only the effect of what changed.
/// </summary>
public class ScenarioComparisonTests
{
    private static readonly RunOptions Options = new(6_000, 7, Threads: 2);

    // Uncertain inputs make the funnel vary from iteration to iteration, as in a real scenario.
    private static Indication Varying(string id = "test", Parameter? uptake = null, Step[]? postDetection = null,
        Step[]? preTest = null) =>
        Indication(id, incidence: Uncertain(new LogNormalDistribution(1000, 150)), prevalence: Uncertain(new BetaDistribution(20, 180)),
            uptake: uptake ?? Uncertain(new BetaDistribution(30, 20)), postDetection: postDetection, preTest: preTest);

    [Fact]
    public void IdenticalScenariosDifferByExactlyZeroInEveryIteration()
    {
        var scenario = Scenario(years: 2, indications: Varying());

        var comparison = ScenarioComparison.Run(scenario, scenario, Options);

        foreach (var metric in AllMetrics(comparison))
        {
            Assert.Equal(new DifferenceSummary(0, 0, 0, 0, 0), metric.Difference);
            Assert.Equal(0, metric.ProbabilityBGreater);
            Assert.Equal(metric.A, metric.B);
        }
    }

    [Fact]
    public void EachSideEqualsAPlainRunOfThatScenario()
    {
        var a = Scenario(years: 2, indications: Varying());
        var b = Scenario(years: 2, indications: Varying(uptake: Fixed(0.9)));

        var comparison = ScenarioComparison.Run(a, b, Options);
        var runA = Simulator.Run(ModelCompiler.Compile(a), Options);
        var runB = Simulator.Run(ModelCompiler.Compile(b), Options);

        for (int t = 0; t < 2; t++)
        {
            foreach (var (name, metric) in comparison.Indications[0].Years[t].Metrics)
            {
                Assert.Equal(runA.Indications[0].Years[t].Metrics[name], metric.A);
                Assert.Equal(runB.Indications[0].Years[t].Metrics[name], metric.B);
                Assert.Equal(metric.B.Mean - metric.A.Mean, metric.Difference.Mean, 1e-9);
            }
        }
    }

    [Fact]
    public void TheCommonRandomNumberIntervalIsMuchNarrowerThanThatOfIndependentRuns()
    {
        // Given: B raises testing uptake; everything else is shared.
        var a = Scenario(years: 1, indications: Varying());
        var b = Scenario(years: 1, indications: Varying(uptake: Uncertain(new BetaDistribution(35, 15))));

        // When: compared on shared streams, and B run alone with another seed (independent of A).
        var paired = ScenarioComparison.Run(a, b, Options).Indications[0].Years[0].Metrics["treatedNew"];
        var independentB = Simulator.Run(ModelCompiler.Compile(b), Options with { Seed = 8 }).Indications[0].Years[0].Metrics["treatedNew"];

        // Then: the paired difference's sd is far below the sd of a difference of independent draws.
        double independentSd = Math.Sqrt(paired.A.Sd * paired.A.Sd + independentB.Sd * independentB.Sd);
        Assert.True(paired.Difference.Sd < independentSd / 3, $"paired sd {paired.Difference.Sd}, independent {independentSd}");
        Assert.True(paired.Difference.P95 - paired.Difference.P5 < (independentSd * 2 * 1.645) / 3);
        Assert.True(paired.ProbabilityBGreater > 0.9, $"P(B > A) = {paired.ProbabilityBGreater}");
    }

    [Fact]
    public void MetricsUpstreamOfTheChangeHaveAZeroDifference()
    {
        var a = Scenario(years: 2, indications: Varying());
        var b = Scenario(years: 2, indications: Varying(postDetection: [Step("prescribed", Fixed(0.5)), Step("payer-approved", Fixed(0.9))]));

        var year = ScenarioComparison.Run(a, b, Options).Indications[0].Years[1].Metrics;

        foreach (string upstream in new[] { "incident", "laterLine", "fusionPositive", "tested", "identified" })
            Assert.Equal(new DifferenceSummary(0, 0, 0, 0, 0), year[upstream].Difference);
        Assert.True(year["treatedNew"].Difference.Mean < 0);
        // Shared streams pair the draws but do not force B ≤ A in every iteration (rejection samplers are not monotone).
        Assert.True(year["treatedNew"].ProbabilityBGreater < 0.2);
    }

    [Fact]
    public void ResultsAreIdenticalForAnyThreadCount()
    {
        var a = Scenario(years: 2, indications: Varying());
        var b = Scenario(years: 2, indications: Varying(uptake: Fixed(0.8)));

        string one = ComparisonJson.Write(ScenarioComparison.Run(a, b, Options with { Threads = 1 }));
        string three = ComparisonJson.Write(ScenarioComparison.Run(a, b, Options with { Threads = 3 }));

        Assert.Equal(Strip(one), Strip(three));
    }

    [Fact]
    public void OnlyWhatBothScenariosHaveIsCompared()
    {
        // A: indications x and y over 2026–2028, with a pre-test step "extra"; B: only x, over 2027–2030, without it.
        var a = Scenario(years: 3, indications: [
            Varying("x", preTest: [Step("advanced", Fixed(0.7)), Step("extra", Fixed(0.9))]), Varying("y")]);
        var b = Scenario(years: 4, indications: Varying("x")) with { StartYear = 2027 };

        var comparison = ScenarioComparison.Run(a, b, Options);

        var x = Assert.Single(comparison.Indications);
        Assert.Equal("x", x.Id);
        Assert.Equal([2027, 2028], x.Years.Select(y => y.Year));
        Assert.DoesNotContain("extra", x.Years[0].Metrics.Keys);
        Assert.Contains("advanced", x.Years[0].Metrics.Keys);
        Assert.Equal([2027, 2028], comparison.Total.Years.Select(y => y.Year));
        // The total of A covers x and y, that of B only x: B's total is x's value.
        var total = comparison.Total.Years[0].Metrics["incident"];
        Assert.Equal(x.Years[0].Metrics["incident"].B, total.B);
        Assert.True(total.A.Mean > total.B.Mean);
    }

    [Fact]
    public void JsonHasTheDocumentedShape()
    {
        var a = Scenario(years: 2, indications: Varying());
        var b = Scenario(years: 2, indications: Varying(uptake: Fixed(0.8)));

        var json = JsonNode.Parse(ComparisonJson.Write(ScenarioComparison.Run(a, b, Options)))!;

        var metric = json["indications"]![0]!["years"]![1]!["metrics"]!["treatedNew"]!;
        Assert.Equal("test", (string?)json["indications"]![0]!["id"]);
        Assert.Equal(2027, (int)json["indications"]![0]!["years"]![1]!["year"]!);
        Assert.Equal(["a", "b", "difference", "probabilityBGreater", "probabilityBLess", "probabilityEqual"], metric.AsObject().Select(p => p.Key));
        Assert.Equal(["mean", "sd", "p5", "p50", "p95", "mcse"], metric["difference"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(metric["a"]!["p95"]);
        Assert.NotNull(json["total"]!["years"]![0]!["metrics"]!["identified"]!["probabilityBGreater"]);
        Assert.Equal(6_000, (long)json["scenarioA"]!["simulation"]!["iterations"]!);
        Assert.Equal(7, (long)json["scenarioB"]!["simulation"]!["seed"]!);
    }

    private static IEnumerable<MetricComparison> AllMetrics(ComparisonResult comparison) =>
        comparison.Indications.SelectMany(i => i.Years).Concat(comparison.Total.Years).SelectMany(y => y.Metrics.Values);

    private static string Strip(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["run"]!.AsObject().Remove("threads");
        node["run"]!.AsObject().Remove("elapsedSeconds");
        return node.ToJsonString();
    }
}
