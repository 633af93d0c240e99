using FunnelSim.Core.Tests.Support;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>PMPM is the annual budget impact over member-months, and the member mix scales incidence.</summary>
public class PmpmTests
{
    [Fact]
    public void PmpmIsTheAnnualBudgetImpactOverMembersTimesTwelveOnAMillionMemberPlan()
    {
        // Given a plan of 1,000,000 members (national incidence scaled by 1,000,000 / 340,000,000 × 0.4)
        var plan = new PlanPopulation(1_000_000, 340_000_000, 0.4);
        var scenario = Scenario(years: 3, iterations: 20_000, seed: 8, population: plan,
            indications: Indication(incidence: Fixed(60_000), prevalence: Fixed(0.01))) with { Costs = Costs() };

        var result = Simulator.Run(scenario, threads: 2);

        // Then every statistic of pmpm is that of budgetImpact divided by 12,000,000 member-months.
        foreach (var year in result.Total.Years.Concat(result.Indications[0].Years))
        {
            var impact = year.Metrics["budgetImpact"];
            var pmpm = year.Metrics["pmpm"];
            double[] a = [impact.Mean, impact.Sd, impact.Mcse, impact.P5, impact.P50, impact.P95, impact.Min, impact.Max];
            double[] b = [pmpm.Mean, pmpm.Sd, pmpm.Mcse, pmpm.P5, pmpm.P50, pmpm.P95, pmpm.Min, pmpm.Max];
            for (int i = 0; i < a.Length; i++) Assert.Equal(a[i] / 12_000_000, b[i], 1e-15);
        }
        Assert.True(result.Total.Years[2].Metrics["budgetImpact"].Mean > 0);
    }

    [Fact]
    public void ANationalRunHasNoPmpm()
    {
        var result = Simulator.Run(Scenario(years: 1, iterations: 500) with { Costs = Costs() }, threads: 1);
        Assert.False(result.Total.Years[0].Metrics.ContainsKey("pmpm"));
        Assert.True(result.Total.Years[0].Metrics.ContainsKey("budgetImpact"));
    }

    [Fact]
    public void TheMemberMixScalesIncidenceByShareTimesMultiplierPerIndication()
    {
        // 70% commercial (multiplier 0.4; 0.5 for "b") and 30% Medicare (3.8): scale = 1e6/1e8 × (0.7·m + 0.3·3.8).
        var plan = new PlanPopulation(1_000_000, 100_000_000, 1)
        {
            MemberMix =
            [
                new MemberGroup("commercial", 0.7, Fixed(0.4), [new IndicationMultiplier("b", Fixed(0.5))]),
                new MemberGroup("medicare", 0.3, Fixed(3.8), []),
            ],
        };
        var scenario = Scenario(years: 1, iterations: 20_000, seed: 4, population: plan,
            indications: [Indication("a", incidence: Fixed(100_000)), Indication("b", incidence: Fixed(100_000))]);

        var result = Simulator.Run(scenario, threads: 2);

        MonteCarloAssert.MeanIs(1000 * (0.7 * 0.4 + 0.3 * 3.8), result.Indications[0].Years[0].Metrics["incident"], "a");
        MonteCarloAssert.MeanIs(1000 * (0.7 * 0.5 + 0.3 * 3.8), result.Indications[1].Years[0].Metrics["incident"], "b");
        // The exact expectations (tornado) scale the same way.
        var model = ModelCompiler.Compile(scenario);
        var expected = new global::FunnelSim.Analysis.ExpectedFunnel(model);
        Assert.Equal(1000 * (0.7 * 0.5 + 0.3 * 3.8),
            expected.Of(new global::FunnelSim.Analysis.OutputSelection("incident", "b", 2026), ParameterOverrides.AtMeans(model)), 1e-9);
        var paths = model.ParameterList.Select(p => p.Path).ToList();
        Assert.Contains("population.memberMix.commercial.indicationMultipliers.b", paths);
        Assert.Contains("population.memberMix.medicare.incidenceMultiplier", paths);
    }

    [Fact]
    public void ThresholdGivesTheShareOfIterationsAboveIt()
    {
        var scenario = Scenario(years: 2, iterations: 4_000, seed: 2) with { Costs = Costs(threshold: 0) };
        var result = Simulator.Run(scenario, threads: 2);
        foreach (var year in result.Total.Years)
        {
            var p = year.Metrics[MetricNames.ProbabilityExceedsThreshold];
            Assert.InRange(p.Mean, 0, 1);
            // With a threshold of 0 it is P(impact > 0); the impact's own percentiles must agree on which side 0 lies.
            var impact = year.Metrics["budgetImpact"];
            if (impact.P5 > 0) Assert.True(p.Mean >= 0.95);
        }
        var none = Simulator.Run(scenario with { Costs = Costs() }, threads: 2);
        Assert.False(none.Total.Years[0].Metrics.ContainsKey(MetricNames.ProbabilityExceedsThreshold));
    }
}
