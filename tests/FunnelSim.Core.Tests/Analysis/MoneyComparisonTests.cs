using System.Text.Json.Nodes;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// Compare pairs money too: A and B as a run reports them, and B − A per iteration in whole cents on common random
/// numbers, so what a change does not touch differs by exactly zero.
/// </summary>
public class MoneyComparisonTests
{
    private static readonly RunOptions Options = new(4_000, 11, Threads: 2);
    private static readonly PlanPopulation Plan = new(1_000_000, 1_000_000, 1);

    /// <summary>A plan with uncertain funnel and costs; <paramref name="incidence"/> small enough that some iterations
    /// treat nobody (budgetImpactPerTreated then has no value).</summary>
    private static Scenario Payer(double drug = 1000, double incidence = 30, double? threshold = 20_000)
    {
        var costs = Costs(threshold: threshold) with
        {
            DrugPerDose = Uncertain(new UniformDistribution(0.8 * drug, 1.2 * drug)),
            AdministrationPerInfusion = Uncertain(new UniformDistribution(80, 120)),
        };
        return Scenario(years: 3, population: Plan, indications: Indication(
            incidence: Uncertain(new LogNormalDistribution(incidence, incidence / 5)),
            prevalence: Uncertain(new BetaDistribution(20, 80)),
            uptake: Uncertain(new BetaDistribution(30, 20)))) with { Costs = costs };
    }

    private static IEnumerable<(string Metric, MetricComparison Comparison)> Money(ComparisonResult comparison) =>
        comparison.Indications.SelectMany(i => i.Years).Concat(comparison.Total.Years)
            .SelectMany(y => y.Metrics.Where(m => MetricNames.ReservedCostMetrics.Contains(m.Key)).Select(m => (m.Key, m.Value)));

    [Fact]
    public void IdenticalScenariosDifferByExactlyZeroInEveryMoneyMetric()
    {
        var scenario = Payer();

        var comparison = ScenarioComparison.Run(scenario, scenario, Options);

        var money = Money(comparison).ToArray();
        Assert.Equal(3 * (14 + 15), money.Length); // per year: the indication's 12 money metrics, pmpm and the threshold; the total's also the cumulative impact
        foreach (var (metric, c) in money)
        {
            Assert.Equal(0, c.Difference.Mean);
            Assert.Equal(0, c.Difference.Sd);
            Assert.Equal((0.0, 0.0, 0.0), (c.Difference.P5, c.Difference.P50, c.Difference.P95));
            Assert.Equal(0, c.ProbabilityBGreater);
            Assert.Equal(c.A, c.B);
        }
        // With about 3 patients treated a year, some iterations treat nobody: their per-treated difference is left out and counted.
        var perTreated = comparison.Total.Years[0].Metrics[MetricNames.BudgetImpactPerTreated];
        Assert.Equal(perTreated.A.Iterations, perTreated.Difference.Iterations);
        Assert.InRange(perTreated.Difference.Iterations!.Value, 1, Options.Iterations - 1);
        Assert.Equal(Options.Iterations, comparison.Total.Years[0].Metrics[MetricNames.BudgetImpact].Difference.Iterations);
    }

    [Fact]
    public void ADrugPriceChangeMovesDrugCostAndImpactAndLeavesTheOtherLinesExactlyUnchanged()
    {
        var a = Payer();
        var b = Payer(drug: 1500);

        var comparison = ScenarioComparison.Run(a, b, Options);

        foreach (var year in comparison.Total.Years.Concat(comparison.Indications[0].Years))
        {
            var m = year.Metrics;
            foreach (string unchanged in new[] { MetricNames.CostComparator, MetricNames.CostTesting, MetricNames.CostWithout,
                         MetricNames.CostAdministration, MetricNames.CostMonitoring, MetricNames.CostAdverseEvents,
                         MetricNames.CostTestingWithout, MetricNames.TreatedNew, MetricNames.Doses })
            {
                var d = m[unchanged].Difference;
                Assert.True(d is { Mean: 0, Sd: 0, P5: 0, P50: 0, P95: 0 }, $"{year.Year} {unchanged}: {d}");
                Assert.Equal(m[unchanged].A, m[unchanged].B);
            }
            foreach (string moved in new[] { MetricNames.CostDrug, MetricNames.CostWith, MetricNames.BudgetImpact, MetricNames.Pmpm })
            {
                var c = m[moved];
                Assert.True(c.Difference.Mean > 0, $"{year.Year} {moved}: {c.Difference}");
                Assert.True(c.B.Mean > c.A.Mean);
                // Paired: B − A is never negative; it is positive whenever anyone got a dose.
                Assert.True(c.Difference.P5 >= 0, $"{year.Year} {moved}: {c.Difference}");
            }
            // The difference of drug cost is the difference of the whole budget impact, iteration by iteration.
            Assert.Equal(m[MetricNames.CostDrug].Difference, m[MetricNames.BudgetImpact].Difference);
            Assert.Equal(m[MetricNames.CostDrug].ProbabilityBGreater, m[MetricNames.BudgetImpact].ProbabilityBGreater);
            Assert.Equal(m[MetricNames.CostDrug].B.Mean - m[MetricNames.CostDrug].A.Mean, m[MetricNames.CostDrug].Difference.Mean, 1e-6);
        }
    }

    [Fact]
    public void EachSideIsWhatAPlainRunReportsAndPmpmIsTheImpactOverMemberMonths()
    {
        var a = Payer();
        var b = Payer(drug: 1500, incidence: 40);

        var comparison = ScenarioComparison.Run(a, b, Options);
        var runA = Simulator.Run(ModelCompiler.Compile(a), Options);
        var runB = Simulator.Run(ModelCompiler.Compile(b), Options);

        for (int t = 0; t < 3; t++)
        {
            var year = comparison.Total.Years[t].Metrics;
            foreach (var (name, summary) in runA.Total.Years[t].Metrics)
            {
                Assert.Equal(summary, year[name].A);
                Assert.Equal(runB.Total.Years[t].Metrics[name], year[name].B);
            }
            var impact = year[MetricNames.BudgetImpact].Difference;
            var pmpm = year[MetricNames.Pmpm].Difference;
            Assert.Equal(impact.Mean / 12_000_000, pmpm.Mean);
            Assert.Equal(impact.P5 / 12_000_000, pmpm.P5);
            Assert.Equal(impact.P95 / 12_000_000, pmpm.P95);
            Assert.Equal(impact.Iterations, pmpm.Iterations);
            Assert.Equal(year[MetricNames.BudgetImpact].B.Mean - year[MetricNames.BudgetImpact].A.Mean, impact.Mean, 1e-6);
            // The exceedance indicator's difference is B's probability minus A's.
            var exceeds = year[MetricNames.ProbabilityExceedsThreshold];
            Assert.Equal(exceeds.B.Mean - exceeds.A.Mean, exceeds.Difference.Mean, 1e-12);
        }
        // More patients in B: the per-treated difference covers only iterations in which both treat someone.
        var perTreated = comparison.Total.Years[0].Metrics[MetricNames.BudgetImpactPerTreated];
        Assert.True(perTreated.Difference.Iterations <= Math.Min(perTreated.A.Iterations!.Value, perTreated.B.Iterations!.Value));
    }

    [Fact]
    public void MoneyDifferencesAreIdenticalForAnyThreadCount()
    {
        var a = Payer();
        var b = Payer(drug: 1300, incidence: 35);

        string one = ComparisonJson.Write(ScenarioComparison.Run(a, b, Options with { Threads = 1 }));
        string three = ComparisonJson.Write(ScenarioComparison.Run(a, b, Options with { Threads = 3 }));

        Assert.Equal(Strip(one), Strip(three));
        var impact = JsonNode.Parse(one)!["total"]!["years"]![2]!["metrics"]!["budgetImpact"]!;
        Assert.Equal(["a", "b", "difference", "probabilityBGreater", "probabilityBLess", "probabilityEqual"], impact.AsObject().Select(p => p.Key));
        Assert.Equal(["mean", "sd", "p5", "p50", "p95", "mcse", "iterations"], impact["difference"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void MoneyIsComparedOnlyWhenBothScenariosHaveCosts()
    {
        var a = Payer();
        var b = a with { Costs = null };

        var comparison = ScenarioComparison.Run(a, b, Options with { Iterations = 500 });

        Assert.DoesNotContain(MetricNames.BudgetImpact, comparison.Total.Years[0].Metrics.Keys);
        Assert.Contains(MetricNames.TreatedNew, comparison.Total.Years[0].Metrics.Keys);
        Assert.Contains("cost metrics are only in A (B has no costs block)",
            ComparisonCoverage.NotCompared(ModelCompiler.Compile(a), ModelCompiler.Compile(b)));
    }

    [Fact]
    public void PlansOfDifferentSizesCompareTheirBudgetsButNotTheirPmpm()
    {
        var a = Payer();
        var b = a with { Population = new PlanPopulation(2_000_000, 2_000_000, 1) };

        var comparison = ScenarioComparison.Run(a, b, Options with { Iterations = 500 });

        Assert.DoesNotContain(MetricNames.Pmpm, comparison.Total.Years[0].Metrics.Keys);
        Assert.Contains(MetricNames.BudgetImpact, comparison.Total.Years[0].Metrics.Keys);
        Assert.Contains(ComparisonCoverage.NotCompared(ModelCompiler.Compile(a), ModelCompiler.Compile(b)),
            note => note.StartsWith("metric 'pmpm': A's plan has 1,000,000 members and B's 2,000,000", StringComparison.Ordinal));
    }

    private static string Strip(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["run"]!.AsObject().Remove("threads");
        node["run"]!.AsObject().Remove("elapsedSeconds");
        return node.ToJsonString();
    }
}
