using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>
/// Test costs with reflex tests (issue 13 §3): the first test at the modality mix's mean cost, each reflex test at its
/// own modality's cost; the world without BIZENGRI follows the same pathway at its own uptake, with the uptake ratio for
/// fusion-positive patients.
/// </summary>
public sealed class ReflexCostTests
{
    private const double Dna = 300, Rna = 700, MeanFirstTest = 0.7 * Dna + 0.3 * Rna;

    // Uptake 0.8 (fusion-positive: min(1, 0.8 × 1.5) = 1), without BIZENGRI 0.4 (fusion-positive: 0.6): the world without
    // keeps a fusion-negative tested patient with probability 0.5 and a fusion-positive one with 0.6.
    private static Scenario Case(long iterations, ulong seed)
    {
        var indication = Indication(
            prevalence: Fixed(0.2),
            uptake: Fixed(0.8),
            modalities: [
                new Modality("dna", null, null, 0.7, Fixed(0.35), Fixed(0.99)) { Reflex = new Reflex("rna", Fixed(0.8)) },
                new Modality("rna", null, null, 0.3, Fixed(0.92), Fixed(0.995)),
            ]);
        indication = indication with
        {
            Testing = indication.Testing with { UptakeWithoutBizengri = Fixed(0.4), UptakeRatioFusionPositive = Fixed(1.5) },
        };
        return Scenario(years: 2, iterations: iterations, seed: seed, indications: indication) with
        {
            Costs = Costs() with { TestPerModality = [new ModalityCost("dna", Fixed(Dna)), new ModalityCost("rna", Fixed(Rna))] },
        };
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Each_reflex_test_costs_its_own_modality(ulong seed)
    {
        // One iteration: every summary is that iteration's value.
        var result = Simulator.Run(Case(1, seed), threads: 1);

        foreach (var year in result.Indications[0].Years)
        {
            var m = year.Metrics;
            double expected = m[MetricNames.Tested].Mean * MeanFirstTest + m[MetricNames.ReflexTested].Mean * Rna;
            Assert.Equal(expected, m[MetricNames.CostTesting].Mean, 0.011);
        }
    }

    [Fact]
    public void Mean_test_costs_of_both_worlds_equal_their_exact_expectations()
    {
        var scenario = Case(40_000, 17);
        var model = ModelCompiler.Compile(scenario);
        var result = Simulator.Run(model, new RunOptions(40_000, 17, 2));
        var expected = new ExpectedFunnel(model);
        var means = ParameterOverrides.AtMeans(model);
        var cells = new double[model.CellCount];
        expected.Compute(means.Start, means.Target, cells);
        var ind = model.Indications[0];
        int testing = CellLayout.TestingStart(ind);

        for (int t = 0; t < 2; t++)
        {
            var cell = cells.AsSpan(model.Layout.YearStart(0, t), ind.Metrics.Length);
            var reflex = expected.Reflex.Slice(t * ExpectedFunnel.ReflexValues, ExpectedFunnel.ReflexValues);
            double testedFusion = cell[testing + CellLayout.FusionPositive] - cell[testing + CellLayout.UntestedFusionPositive];
            double testedOther = cell[testing + CellLayout.Tested] - testedFusion;
            double reflexFusion = reflex[ExpectedFunnel.ReflexTruePositive] + reflex[ExpectedFunnel.ReflexFalseNegative];
            double reflexOther = reflex[ExpectedFunnel.ReflexFalsePositive] + reflex[ExpectedFunnel.ReflexTrueNegative];
            Assert.Equal(testedFusion, cell[testing + CellLayout.FusionPositive], 9); // everyone fusion-positive is tested

            var m = result.Indications[0].Years[t].Metrics;
            MonteCarloAssert.MeanIs((testedFusion + testedOther) * MeanFirstTest + (reflexFusion + reflexOther) * Rna,
                m[MetricNames.CostTesting], $"costTesting {t}");
            MonteCarloAssert.MeanIs((0.6 * testedFusion + 0.5 * testedOther) * MeanFirstTest + (0.6 * reflexFusion + 0.5 * reflexOther) * Rna,
                m[MetricNames.CostTestingWithout], $"costTestingWithout {t}");
        }
    }

    [Fact]
    public void Without_an_uptake_without_BIZENGRI_both_worlds_pay_the_same_tests()
    {
        var scenario = Case(1, 5);
        var indication = scenario.Indications[0];
        scenario = scenario with { Indications = [indication with { Testing = indication.Testing with { UptakeWithoutBizengri = null } }] };

        var result = Simulator.Run(scenario, threads: 1);

        Assert.All(result.Indications[0].Years, y =>
            Assert.Equal(y.Metrics[MetricNames.CostTesting].Mean, y.Metrics[MetricNames.CostTestingWithout].Mean));
    }
}
