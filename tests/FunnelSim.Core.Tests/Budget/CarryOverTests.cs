using FunnelSim.Core.Tests.Support;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>Treatment that spans a year boundary pays in each calendar year for what happens in it.</summary>
public class CarryOverTests
{
    private const double Year = 365.25, Month = Year / 12;

    [Fact]
    public void DrugAndAdministrationFollowTheDosesOfEachYearExactly()
    {
        // Given a 3-month BIZENGRI course and a price rising 3% a year from the cost year 2025 (start year 2026)
        var scenario = Scenario(years: 3, iterations: 5_000, seed: 11,
            indications: Indication(duration: FixedMonths(3))) with { Costs = Costs(priceChange: 0.03) };

        var years = Simulator.Run(scenario, threads: 2).Indications[0].Years;

        // Then every year's drug cost is that year's doses (carried over or not) at that year's price: an identity
        // per iteration, so the means agree to rounding.
        for (int t = 0; t < 3; t++)
        {
            double factor = Math.Pow(1.03, 1 + t);
            Assert.Equal(years[t].Metrics["doses"].Mean * 1000 * factor, years[t].Metrics["costDrug"].Mean, 0.01);
            Assert.Equal(years[t].Metrics["doses"].Mean * 100 * factor, years[t].Metrics["costAdministration"].Mean, 0.01);
        }
        Assert.True(years[1].Metrics["doses"].Mean > years[1].Metrics["treatedNew"].Mean * 7 * 0.5, "doses are carried into 2027");
    }

    [Fact]
    public void MonitoringAndComparatorMonthsSplitAtTheBoundary()
    {
        // Given only year-0 starts (prescribing ramps to 0), a 3-month course with visits every 2 months (at 0 and 60.875
        // days) and a 2-month comparator, each patient starting at U·365.25 with U uniform:
        var scenario = Scenario(years: 2, iterations: 40_000, seed: 5,
            indications: Indication(postDetection: [Step("prescribed", Ramped(1, 0, 1))], duration: FixedMonths(3)))
            with { Costs = Costs() };
        var years = Simulator.Run(scenario, threads: 2).Indications[0].Years;
        var y1 = years[1].Metrics;

        // Then E[visits in 2027 per patient] = P(start + 60.875 ≥ 365.25) = 60.875/365.25, and
        // E[comparator months in 2027 per patient] = E[(start + 60.875 − 365.25)⁺]/month = 60.875²/(2·365.25)/month.
        double treated = years[0].Metrics["treatedNew"].Mean;
        MonteCarloAssert.MeanIs(treated * 50 * (2 * Month / Year), y1["costMonitoring"], "2027 monitoring");
        double months = 2 * Month * 2 * Month / (2 * Year) / Month;
        MonteCarloAssert.MeanIs(treated * 2100 * months, y1["costComparator"], "2027 comparator");
        // and 2026 keeps the rest, with the adverse events of the start year.
        MonteCarloAssert.MeanIs(treated * (2100 * (2 - months) + 500), years[0].Metrics["costComparator"], "2026 comparator");
    }

    [Fact]
    public void CostsBeyondTheHorizonAreNotCounted()
    {
        // A course longer than the horizon: the drug cost is the doses inside it, no more.
        var scenario = Scenario(years: 1, iterations: 2_000, seed: 3, indications: Indication(duration: FixedMonths(60)))
            with { Costs = Costs() };
        var year = Simulator.Run(scenario, threads: 1).Indications[0].Years[0].Metrics;
        Assert.Equal(year["doses"].Mean * 1000, year["costDrug"].Mean, 0.01);
        // A patient starting at U·365.25 gets ⌈(1 − U)·365.25/14⌉ doses in the year, about 13.5 on average.
        Assert.InRange(year["doses"].Mean / year["treatedNew"].Mean, 13, 14);
    }
}
