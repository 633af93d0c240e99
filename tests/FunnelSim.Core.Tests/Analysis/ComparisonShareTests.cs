using FunnelSim.Analysis;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using System.Text.Json.Nodes;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// A paired comparison reports P(B &gt; A), P(B &lt; A) and P(B = A) — ties are common for small counts — and the Monte
/// Carlo standard error of the mean difference (JSON <c>probabilityBGreater</c>, <c>probabilityBLess</c>,
/// <c>probabilityEqual</c>, <c>difference.mcse</c>).
/// </summary>
public sealed class ComparisonShareTests
{
    private static (Scenario A, Scenario B) HigherPdacUptake()
    {
        var a = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        var b = ScenarioSource.ReadBuiltIn([OverlaySetting.FromCommandLine("indications[pdac].testing.uptake.value=0.6", out _)!]).Scenario!;
        return (a, b);
    }

    [Fact]
    public void TheThreeSharesSumToOneAndTiesAreCountedNotHidden()
    {
        var (a, b) = HigherPdacUptake();

        var comparison = ScenarioComparison.Run(a, b, new RunOptions(2_000, 11, 2));

        // PDAC treated in the first year: a small count, so B = A in many iterations, B < A in some.
        var treated = comparison.Indications.Single(i => i.Id == "pdac").Years[0].Metrics[MetricNames.TreatedNew];
        Assert.Equal(1.0, treated.ProbabilityBGreater + treated.ProbabilityBLess + treated.ProbabilityEqual, 12);
        Assert.True(treated.ProbabilityEqual > 0.1, $"P(B = A) = {treated.ProbabilityEqual}");
        Assert.True(treated.ProbabilityBLess > 0.01, $"P(B < A) = {treated.ProbabilityBLess}");
        Assert.True(treated.ProbabilityBGreater > treated.ProbabilityBLess);
        Assert.Equal(treated.Difference.Sd / Math.Sqrt(2_000), treated.Difference.Mcse, 12);
        // Money too: the shares cover the iterations in which both have a value.
        var impact = comparison.Total.Years[^1].Metrics[MetricNames.BudgetImpact];
        Assert.Equal(1.0, impact.ProbabilityBGreater + impact.ProbabilityBLess + impact.ProbabilityEqual, 12);
        Assert.Equal(impact.Difference.Sd / Math.Sqrt(impact.Difference.Iterations!.Value), impact.Difference.Mcse, 9);
    }

    [Fact]
    public void TheJsonCarriesEveryShareAndTheMcse()
    {
        var (a, b) = HigherPdacUptake();

        var json = JsonNode.Parse(ComparisonJson.Write(ScenarioComparison.Run(a, b, new RunOptions(500, 11, 1))))!;
        var metric = json["total"]!["years"]![0]!["metrics"]![MetricNames.TreatedNew]!;

        foreach (string key in new[] { "probabilityBGreater", "probabilityBLess", "probabilityEqual" }) Assert.NotNull(metric[key]);
        Assert.NotNull(metric["difference"]!["mcse"]);
        Assert.EndsWith(",probabilityBLess,probabilityEqual,differenceMcse", ComparisonCsv.Header);
    }

    [Fact]
    public void IdenticalScenariosAreEqualInEveryIteration()
    {
        var a = BuiltInScenarios.LoadUsNationalBase().Scenario!;

        var comparison = ScenarioComparison.Run(a, a, new RunOptions(300, 3, 1));

        var treated = comparison.Total.Years[0].Metrics[MetricNames.TreatedNew];
        Assert.Equal((0.0, 0.0, 1.0, 0.0), (treated.ProbabilityBGreater, treated.ProbabilityBLess, treated.ProbabilityEqual, treated.Difference.Mcse));
    }
}
