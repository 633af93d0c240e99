using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>
/// A case a payer can check by hand: fixed inputs, fixed durations and a handful of patients, one iteration at a time,
/// so every summary is that iteration's value and every cost line must equal the arithmetic written below.
/// </summary>
public class HandCalculationTests
{
    // Every later-line patient is tested (uptake 1, one modality) and tests positive (sensitivity 1, specificity 0);
    // prescribing ramps from 1 in 2026 to 0 in 2027, so patients start in 2026 only. Half carry the fusion, so some
    // treated patients are false positives. BIZENGRI lasts 3 months (91.3125 days: ⌈91.3125/14⌉ = 7 doses, visits at
    // 0 and 2 months = 2) and the comparator 2 months; both end within the 2-year horizon wherever in 2026 they start.
    private static Scenario HandCase(ulong seed) =>
        Scenario(years: 2, iterations: 1, seed: seed,
            population: new PlanPopulation(1_000_000, 1_000_000, 1),
            indications: Indication(
                incidence: Fixed(4),
                preTest: [],
                prevalence: Fixed(0.5),
                uptake: Fixed(1),
                modalities: [new Modality("dna", null, null, 1, Fixed(1), Fixed(0))],
                postDetection: [Step("prescribed", Ramped(1, 0, 1))],
                duration: FixedMonths(3)) with
            {
                Testing = new Testing(Fixed(1), [new Modality("dna", null, null, 1, Fixed(1), Fixed(0))])
                {
                    UptakeWithoutBizengri = Fixed(0), // the world without tests nobody: every test is incremental
                },
            }) with
        {
            Costs = Costs(modalities: ["dna"]),
        };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void EveryCostLineEqualsTheHandCalculation(ulong seed)
    {
        var result = Simulator.Run(HandCase(seed), threads: 1);
        var y0 = result.Indications[0].Years[0].Metrics;
        var y1 = result.Indications[0].Years[1].Metrics;
        double Sum(string metric) => y0[metric].Mean + y1[metric].Mean;

        double n = y0["treatedNew"].Mean, falsePositives = y0["treatedNewFalsePositive"].Mean;
        double tested0 = y0["tested"].Mean, tested1 = y1["tested"].Mean;
        Assert.True(n > 0, "the seed must give at least one patient");
        Assert.Equal(0, y1["treatedNew"].Mean);
        Assert.Equal(7 * n, Sum("doses"));

        // World with BIZENGRI, per patient: 7 doses × $1,000 drug + 7 × $100 administration + 2 visits × $50
        // + adverse events 0.5 × $400 = $200 in the start year; tests $300 each in the year of testing.
        Assert.Equal(7 * 1000 * n, Sum("costDrug"));
        Assert.Equal(7 * 100 * n, Sum("costAdministration"));
        Assert.Equal(2 * 50 * n, Sum("costMonitoring"));
        Assert.Equal(200 * n, y0["costAdverseEvents"].Mean);
        Assert.Equal(0, y1["costAdverseEvents"].Mean);
        Assert.Equal(300 * tested0, y0["costTesting"].Mean);
        Assert.Equal(300 * tested1, y1["costTesting"].Mean);

        // World without: 2 months × ($2,000 + $100) + $500 adverse events per patient, split across the years by exposure
        // (each year's share is rounded to the cent, hence the cent of tolerance); no tests.
        Assert.Equal((2 * 2100 + 500) * n, Sum("costComparator"), 0.02);
        Assert.Equal(0, Sum("costTestingWithout"));

        // Per patient $8,000 with and $4,700 without: an impact of $3,300, plus every test.
        double impact = 3300 * n + 300 * (tested0 + tested1);
        Assert.Equal(impact, Sum("budgetImpact"), 0.02);
        Assert.Equal(3300 * falsePositives, Sum("budgetImpactFalsePositive"), 0.02);
        Assert.Equal(impact, result.Total.Years[1].Metrics["cumulativeBudgetImpact"].Mean, 0.02);

        foreach (var year in new[] { y0, y1 })
        {
            Assert.Equal(year["costDrug"].Mean + year["costAdministration"].Mean + year["costMonitoring"].Mean
                         + year["costAdverseEvents"].Mean + year["costTesting"].Mean, year["costWith"].Mean, 1e-9);
            Assert.Equal(year["costComparator"].Mean + year["costTestingWithout"].Mean, year["costWithout"].Mean, 1e-9);
            Assert.Equal(year["costWith"].Mean - year["costWithout"].Mean, year["budgetImpact"].Mean, 1e-9);
            // PMPM = budget impact / (1,000,000 members × 12 months).
            Assert.Equal(year["budgetImpact"].Mean / 12_000_000, year["pmpm"].Mean, 1e-15);
        }
        // Per treated: the year's impact over the patients on BIZENGRI in it (all n in 2026).
        Assert.Equal(y0["budgetImpact"].Mean / n, y0["budgetImpactPerTreated"].Mean, 0.01);
        Assert.Equal(1, y0["budgetImpactPerTreated"].Iterations);
    }

    [Fact]
    public void PriceChangeAndDiscountingWeightYearIndexT()
    {
        // Only tests cost anything: $300 (2025 prices) × tested, weighted (1 + 10%)^(2026 − 2025 + t) / (1 + 5%)^t.
        var scenario = HandCase(1) with
        {
            Costs = Costs(modalities: ["dna"], drug: 0, administration: 0, visit: 0, adverseCost: 0, comparatorDrug: 0,
                comparatorAdministration: 0, comparatorAdverse: 0, priceChange: 0.10, discount: 0.05),
        };
        var years = Simulator.Run(scenario, threads: 1).Indications[0].Years;
        Assert.Equal(300 * 1.10 * years[0].Metrics["tested"].Mean, years[0].Metrics["costTesting"].Mean, 0.005);
        Assert.Equal(300 * 1.10 * 1.10 / 1.05 * years[1].Metrics["tested"].Mean, years[1].Metrics["costTesting"].Mean, 0.005);
    }

    [Fact]
    public void NoMonitoringVisitAtTheStartWhenAtStartIsFalse()
    {
        var scenario = HandCase(2) with { Costs = Costs(modalities: ["dna"], atStart: false) };
        var years = Simulator.Run(scenario, threads: 1).Indications[0].Years;
        double n = years[0].Metrics["treatedNew"].Mean;
        // Visits at 2 months only: one per patient.
        Assert.Equal(50 * n, years[0].Metrics["costMonitoring"].Mean + years[1].Metrics["costMonitoring"].Mean);
    }
}
