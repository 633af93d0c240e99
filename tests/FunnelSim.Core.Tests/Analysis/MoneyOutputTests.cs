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

/// <summary>A money metric as the output of drivers and tornado, and how an output choice names it.</summary>
public class MoneyOutputTests
{
    private static readonly UniformDistribution DrugPrice = new(1_000, 20_000);

    /// <summary>
    /// About 250 patients treated a year; the drug price varies twentyfold while prevalence and the administration cost
    /// vary by a few percent, so the budget impact (doses × price, minus a fixed comparator) is driven by the price.
    /// </summary>
    private static Scenario DrugPriceDominates(long iterations = 3_000, Population? population = null) =>
        Scenario(years: 2, iterations: iterations, seed: 5, population: population, indications: Indication("x",
            incidence: Fixed(20_000),
            prevalence: Uncertain(new UniformDistribution(0.095, 0.105)))) with
        {
            Costs = Costs(indications: ["x"]) with
            {
                DrugPerDose = Uncertain(DrugPrice),
                AdministrationPerInfusion = Uncertain(new UniformDistribution(95, 105)),
            },
        };

    private static readonly OutputSelection BudgetImpact = new(MetricNames.BudgetImpact);

    [Fact]
    public void DriversOfTheBudgetImpactRankTheDrugPriceFirstByEveryMethod()
    {
        var model = ModelCompiler.Compile(DrugPriceDominates());

        var result = DriversAnalysis.Run(model, BudgetImpact, new DriversOptions(3_000, 5, Threads: 2));

        var first = result.Parameters[0];
        Assert.Equal("costs.drugPerDose", first.Path);
        Assert.Equal(new DriverRanks(1, 1, 1), first.Ranks);
        Assert.True(first.Spearman > 0.95, $"Spearman {first.Spearman}");
        Assert.True(result.Surrogate!.RSquared > 0.9, $"surrogate R² {result.Surrogate.RSquared}");
        Assert.Equal("USD", result.Currency);
        Assert.Null(result.Run.DrawsUsed);
        // In currency units: ~250 patients a year on ~13 doses at $1,000–$20,000 a dose is millions.
        Assert.InRange(result.Distribution.Mean, 1e6, 1e8);
    }

    [Fact]
    public void DriversLeaveOutDrawsWithoutAValueAndSayHowManyWereUsed()
    {
        // About one patient treated a year: many iterations have nobody on treatment and no per-treated amount.
        var scenario = DrugPriceDominates(iterations: 1_000) with
        {
            Indications = [Indication("x", incidence: Fixed(80), prevalence: Uncertain(new UniformDistribution(0.095, 0.105)))],
        };
        var model = ModelCompiler.Compile(scenario);
        var output = new OutputSelection(MetricNames.BudgetImpactPerTreated, "x", 2026);

        var result = DriversAnalysis.Run(model, output, new DriversOptions(1_000, 5, Threads: 2));
        var run = Simulator.Run(model, new RunOptions(1_000, 5, 2));

        long defined = run.Indications[0].Years[0].Metrics[MetricNames.BudgetImpactPerTreated].Iterations!.Value;
        Assert.InRange(defined, DriversOptions.MinDraws, 999);
        Assert.Equal((int)defined, result.Run.DrawsUsed!.Value);
        Assert.Equal(1_000, result.Run.Draws);
        Assert.Equal(run.Indications[0].Years[0].Metrics[MetricNames.BudgetImpactPerTreated].Mean, result.Distribution.Mean, 1e-3);
        Assert.Equal("costs.drugPerDose", result.Parameters[0].Path);
        Assert.Contains("\"drawsUsed\"", DriversJson.Write(result));
    }

    [Fact]
    public void TheTornadoOfTheBudgetImpactIsSimulatedWithTheDrugPriceBarFirst()
    {
        var model = ModelCompiler.Compile(DrugPriceDominates());

        var result = TornadoAnalysis.Run(model, BudgetImpact, new TornadoOptions(2_000, 3, Threads: 2));

        Assert.Equal(TornadoMethod.Simulation, result.Method);
        Assert.Equal("USD", result.Currency);
        var bar = result.Bars[0];
        Assert.Equal("costs.drugPerDose", bar.Input.Path);
        Assert.True(bar.OutputAtHigh > bar.OutputAtLow);
        // Common random numbers: both ends treat the same patients with the same doses, so the swing is the price
        // range times the doses' mean (to the cent per iteration); its MCSE is that of the doses.
        var doses = new ExpectedFunnel(model).Of(new OutputSelection(MetricNames.Doses), ParameterOverrides.AtMeans(model));
        double range = DrugPrice.InverseCdf(0.975) - DrugPrice.InverseCdf(0.025);
        Assert.True(Math.Abs(bar.Swing - range * doses) <= 4 * bar.SwingMcse, $"swing {bar.Swing} ± {bar.SwingMcse}; analytic {range * doses}");
        Assert.True(bar.SwingMcse > 0);
        // The administration cost, ±5%, has a bar of its own, far narrower.
        var administration = Assert.Single(result.Bars, b => b.Input.Path == "costs.administrationPerInfusion");
        Assert.True(administration.Swing < bar.Swing / 100);
        Assert.Contains("\"method\": \"simulation\"", TornadoJson.Write(result));
        Assert.Contains("\"currency\": \"USD\"", TornadoJson.Write(result));
    }

    [Fact]
    public void TheMoneyTornadoIsIdenticalForAnyThreadCount()
    {
        var model = ModelCompiler.Compile(DrugPriceDominates());
        var output = new OutputSelection(MetricNames.CostWith, "x", 2027);

        var one = TornadoAnalysis.Run(model, output, new TornadoOptions(600, 3, Threads: 1));
        var three = TornadoAnalysis.Run(model, output, new TornadoOptions(600, 3, Threads: 3));

        Assert.Equal(one.Bars, three.Bars);
        Assert.Equal((one.BaseOutput, one.BaseMcse), (three.BaseOutput, three.BaseMcse));
    }

    [Fact]
    public void PmpmIsTheBudgetImpactOverMemberMonthsInTheTornado()
    {
        var plan = new PlanPopulation(1_000_000, 1_000_000, 1);
        var model = ModelCompiler.Compile(DrugPriceDominates(population: plan));
        var options = new TornadoOptions(400, 3, Threads: 2);

        var impact = TornadoAnalysis.Run(model, BudgetImpact, options);
        var pmpm = TornadoAnalysis.Run(model, new OutputSelection(MetricNames.Pmpm), options);

        Assert.Equal(impact.BaseOutput / 12_000_000, pmpm.BaseOutput, 1e-12);
        Assert.Equal(impact.Bars.Select(b => b.Input.Path), pmpm.Bars.Select(b => b.Input.Path));
        Assert.Equal(impact.Bars[0].Swing / 12_000_000, pmpm.Bars[0].Swing, 1e-9);
    }

    [Theory]
    [InlineData("budgetImpact", "total", null)]
    [InlineData("costComparator", "x", null)]
    [InlineData("budgetImpactPerTreated", "x", null)]
    [InlineData("cumulativeBudgetImpact", "total", null)]
    [InlineData("cumulativeBudgetImpact", "x", "'cumulativeBudgetImpact' is not available: it is reported for the total only")]
    [InlineData("pmpm", "total", "'pmpm' is not available: PMPM needs a plan population")]
    [InlineData("probabilityExceedsThreshold", "total", "no threshold is set (costs.budgetThreshold)")]
    [InlineData("budgetImpakt", "total", "did you mean 'budgetImpact'?")]
    public void MoneyMetricsAreOutputsOfAScenarioWithCosts(string metric, string indication, string? expected)
    {
        var model = ModelCompiler.Compile(DrugPriceDominates());
        string? problem = new OutputSelection(metric, indication).Check(model);
        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
        Assert.Contains("costDrug", OutputSelection.MetricsOf(model, 0));
    }

    [Fact]
    public void WithoutCostsAMoneyMetricIsExplainedAndTheMetricsListed()
    {
        var model = ModelCompiler.Compile(DrugPriceDominates() with { Costs = null });

        string? problem = new OutputSelection(MetricNames.BudgetImpact).Check(model);

        Assert.StartsWith("'budgetImpact' is not available: this scenario has no costs block; metrics: incident, ", problem);
        Assert.DoesNotContain("costDrug", problem);
        Assert.False(new ExpectedFunnel(ModelCompiler.Compile(DrugPriceDominates())).HasExpectation(BudgetImpact));
    }

    [Fact]
    public void AskingForTheExpectationOfMoneyIsAnError()
    {
        var model = ModelCompiler.Compile(DrugPriceDominates());
        Assert.Throws<ArgumentException>(() =>
            TornadoAnalysis.Run(model, BudgetImpact, new TornadoOptions(100) { Method = TornadoMethod.Expectation }));
    }
}
