using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>Costs draw from their own streams: adding or changing them leaves every funnel metric bit-identical.</summary>
public class CommonRandomNumbersTests
{
    [Fact]
    public void AddingCostsToTheBaseCaseChangesNoFunnelMetric()
    {
        var withCosts = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        Assert.NotNull(withCosts.Costs);
        var withoutCosts = withCosts with { Costs = null };

        var a = Simulator.Run(withoutCosts with { Simulation = withoutCosts.Simulation with { Iterations = 3_000 } }, threads: 2);
        var b = Simulator.Run(withCosts with { Simulation = withCosts.Simulation with { Iterations = 3_000 } }, threads: 2);

        Assert.False(a.Total.Years[0].Metrics.ContainsKey("budgetImpact"));
        Assert.Equal(ResultBuilderMetrics(a), ResultBuilderMetrics(b).Where(m => !MetricNames.ReservedCostMetrics.Contains(m.Metric)));
    }

    [Fact]
    public void ChangingACostOrTheComparatorChangesOnlyMoney()
    {
        var scenario = Support.TestScenarios.Scenario(years: 3, iterations: 3_000, seed: 6) with { Costs = Costs() };
        var cheaper = scenario with { Costs = Costs(drug: 10, comparatorDuration: FixedMonths(9)) };
        var a = ResultBuilderMetrics(Simulator.Run(scenario, threads: 2)).Where(m => !MetricNames.ReservedCostMetrics.Contains(m.Metric));
        var b = ResultBuilderMetrics(Simulator.Run(cheaper, threads: 2)).Where(m => !MetricNames.ReservedCostMetrics.Contains(m.Metric));
        Assert.Equal(a, b);
    }

    private static IEnumerable<(string Group, int Year, string Metric, MetricSummary Summary)> ResultBuilderMetrics(SimulationResult result) =>
        result.Indications.SelectMany(i => i.Years.SelectMany(y => y.Metrics.Select(m => (i.Id, y.Year, m.Key, m.Value))))
            .Concat(result.Total.Years.SelectMany(y => y.Metrics.Select(m => ("total", y.Year, m.Key, m.Value))))
            .ToList();
}
