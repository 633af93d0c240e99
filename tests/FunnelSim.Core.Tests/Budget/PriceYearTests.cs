using FunnelSim.Core.Tests.Validation;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>
/// Amounts are in costYear prices: year index t (0 = startYear) is weighted
/// (1 + annualPriceChange)^(startYear − costYear + t) / (1 + discountRate)^t, and results say so.
/// </summary>
public class PriceYearTests
{
    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2024, 2)]
    public void The_price_change_compounds_from_the_cost_year(int costYear, int yearsBefore)
    {
        // Only tests cost anything: $300 × tested (every modality). Same seed, so the same patients are tested in both runs.
        var costs = Costs(drug: 0, administration: 0, visit: 0, adverseCost: 0, comparatorDrug: 0,
            comparatorAdministration: 0, comparatorAdverse: 0, priceChange: 0.10, discount: 0.05) with { CostYear = costYear };
        var scenario = Scenario(years: 3, iterations: 2_000, seed: 5) with { Costs = costs };

        var years = Simulator.Run(scenario, threads: 1).Indications[0].Years;

        for (int t = 0; t < 3; t++)
        {
            double weight = Math.Pow(1.10, yearsBefore + t) / Math.Pow(1.05, t);
            Assert.Equal(300 * weight * years[t].Metrics["tested"].Mean, years[t].Metrics["costTesting"].Mean, 0.005);
        }
    }

    [Fact]
    public void A_cost_year_after_the_start_year_is_an_error()
    {
        var load = ScenarioReader.Read(ScenarioJson.With(("costs", """
            {
              "costYear": 2027, "drugPerDose": 24683,
              "testPerModality": { "dna-ngs": 3500, "rna-ngs": 2920 },
              "comparators": { "cca": { "drugPerMonth": 4080, "durationMonths": { "distribution": "weibull", "median": 2.8, "shape": 1.2 } },
                               "pdac": { "drugPerMonth": 9686, "durationMonths": { "distribution": "weibull", "median": 2.5, "shape": 1.2 } } }
            }
            """)));

        var error = Assert.Single(load.Errors);
        Assert.Equal("costs.costYear", error.Path);
        Assert.Contains("must not be after startYear (2026)", error.Message);
    }

    [Theory]
    [InlineData(0.0, 0.0, "USD, 2025 prices, undiscounted")]
    [InlineData(0.03, 0.0, "USD, nominal (2025 prices with the annual price change from 2025), undiscounted")]
    [InlineData(0.0, 0.035, "USD, 2025 prices, discounted at 3.5% a year to 2026")]
    public void Tables_and_the_results_JSON_say_which_prices(double priceChange, double discount, string described)
    {
        var scenario = Scenario(years: 1, iterations: 200, seed: 3) with { Costs = Costs(priceChange: priceChange, discount: discount) };

        var basis = PriceBasis.Of(scenario)!;
        Assert.Equal(described, basis.Describe());

        string json = ResultJson.Write(Simulator.Run(scenario, threads: 1));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var prices = document.RootElement.GetProperty("prices");
        Assert.Equal(2025, prices.GetProperty("costYear").GetInt32());
        Assert.Equal(priceChange != 0, prices.GetProperty("nominal").GetBoolean());
        Assert.Equal(discount != 0, prices.GetProperty("discounted").GetBoolean());
        Assert.Equal(2026, prices.GetProperty("startYear").GetInt32());
    }
}
