using FunnelSim.Core.Tests.Support;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Each metric's mean equals its analytic expectation (a product of probabilities) within 4 Monte Carlo
/// standard errors. Seeds are fixed, so these tests are deterministic; 4 MCSE is not widened to pass.
/// </summary>
public class ModelExpectationTests
{
    [Fact]
    public void FixedParametersGiveTheProductOfProbabilities()
    {
        // Given fixed inputs, growth 5%/year, and an uptake ramping linearly from 0.6 to 0.9 over 2 years
        var indication = Indication(growth: Fixed(0.05), uptake: Ramped(0.6, 0.9, 2));
        var scenario = Scenario(years: 3, iterations: 20_000, indications: indication);

        // When
        var result = Simulator.Run(scenario, threads: 2);

        // Then
        double[] uptake = [0.6, 0.75, 0.9];
        double sensitivity = 0.3 * 0.5 + 0.7 * 0.9;
        double falsePositiveRate = 0.3 * 0.01 + 0.7 * 0.001;
        for (int t = 0; t < 3; t++)
        {
            var m = result.Indications[0].Years[t].Metrics;
            Assert.Equal(2026 + t, result.Indications[0].Years[t].Year);
            double incident = 1000 * Math.Pow(1.05, t);
            double advanced = incident * 0.7;
            double laterLine = advanced * 0.5;
            double fusion = laterLine * 0.1;
            double truePositive = fusion * uptake[t] * sensitivity;
            double falsePositive = (laterLine - fusion) * uptake[t] * falsePositiveRate;
            MonteCarloAssert.MeanIs(incident, m["incident"], $"incident {t}");
            MonteCarloAssert.MeanIs(advanced, m["advanced"], $"advanced {t}");
            MonteCarloAssert.MeanIs(laterLine, m["second-line"], $"second-line {t}");
            MonteCarloAssert.MeanIs(laterLine, m["laterLine"], $"laterLine {t}");
            MonteCarloAssert.MeanIs(fusion, m["fusionPositive"], $"fusionPositive {t}");
            MonteCarloAssert.MeanIs(laterLine * uptake[t], m["tested"], $"tested {t}");
            MonteCarloAssert.MeanIs(truePositive, m["truePositive"], $"truePositive {t}");
            MonteCarloAssert.MeanIs(falsePositive, m["falsePositive"], $"falsePositive {t}");
            MonteCarloAssert.MeanIs(fusion * uptake[t] * (1 - sensitivity), m["falseNegative"], $"falseNegative {t}");
            MonteCarloAssert.MeanIs(fusion * (1 - uptake[t]), m["untestedFusionPositive"], $"untested {t}");
            MonteCarloAssert.MeanIs(truePositive + falsePositive, m["identified"], $"identified {t}");
            MonteCarloAssert.MeanIs((truePositive + falsePositive) * 0.8, m["prescribed"], $"prescribed {t}");
            MonteCarloAssert.MeanIs((truePositive + falsePositive) * 0.72, m["payer-approved"], $"payer-approved {t}");
            MonteCarloAssert.MeanIs((truePositive + falsePositive) * 0.72, m["treatedNew"], $"treatedNew {t}");
            MonteCarloAssert.MeanIs(truePositive * 0.72, m["treatedNewTruePositive"], $"treatedNewTruePositive {t}");
            MonteCarloAssert.MeanIs(falsePositive * 0.72, m["treatedNewFalsePositive"], $"treatedNewFalsePositive {t}");
        }
    }

    [Fact]
    public void UncertainParametersMultiplyTheirMeansAndGrowthEntersAsAPower()
    {
        // Given every input uncertain: log-normal incidence, normal growth, Beta/PERT/uniform probabilities
        const double mu = 0.02, sigma = 0.03;
        var indication = Indication(
            incidence: Uncertain(new LogNormalDistribution(2000, 300)),
            growth: Uncertain(new NormalDistribution(mu, sigma)),
            preTest: [Step("advanced", Uncertain(new BetaDistribution(14, 6))), Step("second-line", Uncertain(new PertDistribution(0.3, 0.45, 0.7)))],
            prevalence: Uncertain(new BetaDistribution(2, 18)),
            uptake: new Parameter(ParameterForm.Explicit, new UniformDistribution(0.4, 0.6),
                Ramp: new Ramp(Uncertain(new TriangularDistribution(0.7, 0.8, 0.9)), 2, RampShape.SCurve)),
            postDetection: [Step("prescribed", Uncertain(new BetaDistribution(9, 3)))]);
        var scenario = Scenario(years: 4, iterations: 40_000, seed: 7, indications: indication);

        // When
        var result = Simulator.Run(scenario, threads: 2);

        // Then E[(1+g)^t] for normal g: (1+μ)^t plus the even moments of g
        double a = 1 + mu, s2 = sigma * sigma;
        double[] growthPower = [1, a, a * a + s2, a * a * a + 3 * a * s2, Math.Pow(a, 4) + 6 * a * a * s2 + 3 * s2 * s2];
        double pAdvanced = 14.0 / 20, pSecond = (0.3 + 4 * 0.45 + 0.7) / 6, prevalence = 0.1;
        for (int t = 0; t < 4; t++)
        {
            var m = result.Indications[0].Years[t].Metrics;
            double progress = RampCurve.Progress(RampShape.SCurve, t, 2);
            double uptake = 0.5 + (0.8 - 0.5) * progress;
            double incident = 2000 * growthPower[t];
            double laterLine = incident * pAdvanced * pSecond;
            double sensitivity = 0.3 * 0.5 + 0.7 * 0.9;
            MonteCarloAssert.MeanIs(incident, m["incident"], $"incident {t}");
            MonteCarloAssert.MeanIs(incident * pAdvanced, m["advanced"], $"advanced {t}");
            MonteCarloAssert.MeanIs(laterLine, m["laterLine"], $"laterLine {t}");
            MonteCarloAssert.MeanIs(laterLine * prevalence, m["fusionPositive"], $"fusionPositive {t}");
            MonteCarloAssert.MeanIs(laterLine * uptake, m["tested"], $"tested {t}");
            MonteCarloAssert.MeanIs(laterLine * prevalence * uptake * sensitivity, m["truePositive"], $"truePositive {t}");
            MonteCarloAssert.MeanIs(laterLine * prevalence * uptake * sensitivity * 0.75, m["treatedNewTruePositive"], $"treated TP {t}");
        }
    }

    [Fact]
    public void PlanScaleMultipliesIncidence()
    {
        // scale = members / referencePopulation × riskAdjustment = 1e6 / 340e6 × 3.9
        var plan = new PlanPopulation(1_000_000, 340_000_000, 3.9);
        var scenario = Scenario(years: 1, iterations: 20_000, population: plan,
            indications: Indication(incidence: Fixed(195_000)));
        var result = Simulator.Run(scenario, threads: 2);
        MonteCarloAssert.MeanIs(195_000 * 1e6 / 340e6 * 3.9, result.Indications[0].Years[0].Metrics["incident"], "incident");
    }

    [Fact]
    public void TotalIsTheSumOverIndicationsPerIteration()
    {
        var scenario = Scenario(years: 2, iterations: 5_000,
            indications: [Indication("a", incidence: Fixed(500)), Indication("b", incidence: Fixed(800))]);
        var result = Simulator.Run(scenario, threads: 2);
        for (int t = 0; t < 2; t++)
        {
            var total = result.Total.Years[t].Metrics;
            foreach (var (name, summary) in total)
            {
                double sum = result.Indications.Sum(i => i.Years[t].Metrics[name].Mean);
                Assert.Equal(sum, summary.Mean, 1e-9 * Math.Max(1, sum));
            }
            // Shared step ids are totalled; sd of a sum of independent indications adds in variance.
            Assert.Contains("advanced", total.Keys);
            double variance = result.Indications.Sum(i => Math.Pow(i.Years[t].Metrics["incident"].Sd, 2));
            Assert.InRange(total["incident"].Sd, 0.9 * Math.Sqrt(variance), 1.1 * Math.Sqrt(variance));
        }
    }

    [Fact]
    public void EmptyStepListsAreAllowed()
    {
        var scenario = Scenario(years: 1, iterations: 2_000, indications: Indication(preTest: [], postDetection: []));
        var m = Simulator.Run(scenario, threads: 1).Indications[0].Years[0].Metrics;
        Assert.Equal(m["incident"].Mean, m["laterLine"].Mean);
        Assert.Equal(m["identified"].Mean, m["treatedNew"].Mean);
    }
}
