using FunnelSim.Core.Tests.Validation;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>Bad costs and member mixes are clear errors at their JSON path, with line and column.</summary>
public class BudgetValidationTests
{
    private const string Costs = """
        {
          "currency": "USD", "costYear": 2025,
          "drugPerDose": { "value": 24683, "low": 23285, "high": 35000, "source": "CMS ASP" },
          "administrationPerInfusion": 240,
          "monitoring": { "costPerVisit": 190, "everyMonths": 2.76 },
          "adverseEvents": { "probability": 0.13, "costPerEvent": 15000 },
          "testPerModality": { "dna-ngs": 3500, "rna-ngs": 2920 },
          "comparators": {
            "cca": { "drugPerMonth": 4080, "durationMonths": { "distribution": "weibull", "median": 2.8, "shape": 1.2 } },
            "pdac": { "drugPerMonth": 9686, "administrationPerMonth": 761, "durationMonths": { "distribution": "exponential", "median": 2.5 },
                      "adverseEvents": { "costPerEvent": 3500 } }
          },
          "discountRate": 0.03
        }
        """;

    private const string Plan = """{ "scale": "plan", "members": 1000000, "referencePopulation": 340000000, "memberMix": { "commercial": { "share": 0.8, "incidenceMultiplier": 0.4 }, "medicare": { "share": 0.2, "indicationMultipliers": { "cca": 3.6 } } } }""";

    private static ScenarioLoadResult Read(params (string Path, string? Json)[] edits) =>
        ScenarioLoader.Read(ScenarioJson.With([("costs", Costs), ("population", Plan), .. edits]));

    [Fact]
    public void AValidCostsBlockAndMemberMixAreRead()
    {
        var result = Read();
        Assert.Empty(result.Errors);
        var costs = result.Scenario!.Costs!;
        Assert.Equal(("USD", 2025, 0.03), (costs.Currency, costs.CostYear, costs.DiscountRate));
        Assert.True(costs.Monitoring.AtStart);
        Assert.Equal(0, costs.AnnualPriceChange.Mean);
        Assert.Equal(["cca", "pdac"], costs.Comparators.Select(c => c.IndicationId));
        var plan = Assert.IsType<PlanPopulation>(result.Scenario.Population);
        Assert.Equal(["commercial", "medicare"], plan.MemberMix.Select(g => g.Line));
        Assert.Equal(3.6, plan.MemberMix[1].MultiplierFor("cca").Mean);
        Assert.Equal(1, plan.MemberMix[1].MultiplierFor("pdac").Mean);
    }

    [Theory]
    [InlineData("costs.drugPerDose", "-5", "costs.drugPerDose", "must be between 0 and 100000000 (a cost in the scenario's currency); got -5")]
    [InlineData("costs.drugPerDose", """{ "value": -24683 }""", "costs.drugPerDose.value", "must be between 0 and 100000000")]
    [InlineData("costs.monitoring", """{ "costPerVisit": -190, "everyMonths": 3 }""", "costs.monitoring.costPerVisit", "got -190")]
    [InlineData("costs.testPerModality", """{ "dna-ngs": -1, "rna-ngs": 2920 }""", "costs.testPerModality.dna-ngs", "got -1")]
    [InlineData("costs.discountRate", "1", "costs.discountRate", "must be at least 0 and below 1 (annual discount rate); got 1")]
    [InlineData("costs.discountRate", "-0.03", "costs.discountRate", "must be at least 0 and below 1 (annual discount rate); got -0.03")]
    [InlineData("costs.currency", "\"usd\"", "costs.currency", "three-letter ISO 4217 code")]
    [InlineData("costs.costYear", null, "costs.costYear", "missing required property 'costYear'")]
    [InlineData("costs.monitoring", """{ "costPerVisit": 190, "everyMonths": 0 }""", "costs.monitoring.everyMonths", "must be above 0 and at most 120")]
    [InlineData("costs.monitoring", """{ "costPerVisit": 190, "everyMonths": 3, "atStart": "yes" }""", "costs.monitoring.atStart", "must be true or false")]
    [InlineData("costs.adverseEvents", """{ "probability": 1.3, "costPerEvent": 1 }""", "costs.adverseEvents.probability", "must be between 0 and 1")]
    [InlineData("costs.drugPerDos", "1", "costs.drugPerDos", "did you mean 'drugPerDose'?")]
    [InlineData("costs.testPerModality", """{ "dna-ngs": 1, "rna-ngs": 1, "rna-ngz": 1 }""", "costs.testPerModality.rna-ngz", "there is no modality 'rna-ngz' in the scenario (known: dna-ngs, rna-ngs); did you mean 'rna-ngs'?")]
    [InlineData("costs.testPerModality", """{ "dna-ngs": 1 }""", "costs.testPerModality", "missing the cost of a 'rna-ngs' test")]
    [InlineData("costs.comparators.pdac", null, "costs.comparators", "missing the comparator of indication 'pdac'")]
    [InlineData("costs.comparators.nsclc", """{ "drugPerMonth": 1, "durationMonths": { "distribution": "exponential", "median": 2 } }""", "costs.comparators.nsclc", "there is no indication 'nsclc' in the scenario")]
    [InlineData("costs.comparators.cca.durationMonths", """{ "distribution": "weibull", "median": 2.8 }""", "costs.comparators.cca.durationMonths.shape", "missing required property 'shape'")]
    [InlineData("costs.annualPriceChange", "0.8", "costs.annualPriceChange", "must be between -0.5 and 0.5 (price change per year); got 0.8")]
    [InlineData("population.memberMix.commercial.share", "0.7", "population.memberMix", "the member mix's shares must sum to 1 (±1e-6); they sum to 0.9")]
    [InlineData("population.memberMix.medicaid", """{ "share": 0, "incidenceMultiplier": 0 }""", "population.memberMix.medicaid.incidenceMultiplier", "must be above 0 and at most 100 (relative incidence); got 0")]
    [InlineData("population.memberMix.medicare.indicationMultipliers", """{ "ccca": 3 }""", "population.memberMix.medicare.indicationMultipliers.ccca", "there is no indication 'ccca' in the scenario (known: cca, pdac); did you mean 'cca'?")]
    [InlineData("population.memberMix.medicar", """{ "share": 0 }""", "population.memberMix.medicar", "did you mean 'medicare'?")]
    [InlineData("population.riskAdjustment", "0.4", "population.memberMix", "give either riskAdjustment or memberMix, not both")]
    [InlineData("population.memberMix", "{}", "population.memberMix", "must name at least one line of business")]
    [InlineData("indications[1].testing.uptakeWithoutBizengri", "1.5", "indications[1].testing.uptakeWithoutBizengri", "must be between 0 and 1")]
    public void BadBudgetInputIsAnErrorAtItsPath(string editPath, string? json, string expectedPath, string expectedMessage)
    {
        var result = Read((editPath, json));

        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void UptakeWithoutBizengriWithoutCostsIsAWarning()
    {
        var result = ScenarioLoader.Read(ScenarioJson.With(("indications[1].testing.uptakeWithoutBizengri", "0.2")));
        Assert.NotNull(result.Scenario);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("indications[1].testing.uptakeWithoutBizengri", warning.Path);
        Assert.Contains("has no effect without a 'costs' block", warning.Message);
    }

    [Fact]
    public void CostsAndTheMemberMixRoundTripThroughTheWriter()
    {
        string written = ScenarioWriter.Write(Read(("indications[1].testing.uptakeWithoutBizengri", "0.2")).Scenario!);
        Assert.Contains("\"uptakeWithoutBizengri\": 0.2", written);
        Assert.Contains("\"memberMix\"", written);
        var again = ScenarioLoader.Read(written);
        Assert.Empty(again.Errors);
        Assert.Equal(written, ScenarioWriter.Write(again.Scenario!));
    }

    [Theory]
    [InlineData("payer-commercial-1m.json")]
    [InlineData("payer-medicare-advantage-1m.json")]
    [InlineData("us-national-base.json")]
    public void ThePayerScenariosLoadWithoutProblemsAndRoundTrip(string file)
    {
        var result = ScenarioLoader.ReadFile(Path.Combine(Support.RepositoryFiles.ScenariosDirectory, file));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Scenario!.Costs);
        string written = ScenarioWriter.Write(result.Scenario);
        Assert.Equal(written, ScenarioWriter.Write(ScenarioLoader.Read(written).Scenario!));
    }
}
