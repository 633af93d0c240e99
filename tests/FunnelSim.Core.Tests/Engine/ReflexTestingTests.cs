using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Reflex testing and testing uptake by fusion status (issue 13 §3): the simulated means equal the exact expectations
/// (checked against a hand calculation too) within 4 Monte Carlo standard errors at fixed seeds, and the reflex and the
/// ratio draw from streams of their own, so everything they do not change stays identical iteration by iteration.
/// </summary>
public sealed class ReflexTestingTests
{
    private static Modality Modality(string id, double share, double sensitivity, double specificity, Reflex? reflex = null) =>
        new(id, null, null, share, Fixed(sensitivity), Fixed(specificity)) { Reflex = reflex };

    /// <summary>DNA and liquid first; RNA first for some, and the reflex of both (its probability ramps for DNA).</summary>
    private static Indication WithReflex(double? ratio = 1.6) => WithRatio(Indication(
        prevalence: Fixed(0.2),
        uptake: Ramped(0.5, 0.7, 2),
        modalities: [
            Modality("dna", 0.5, 0.35, 0.99, new Reflex("rna", Ramped(0.6, 0.9, 2))),
            Modality("rna", 0.2, 0.92, 0.995),
            Modality("liquid", 0.3, 0.1, 0.999, new Reflex("rna", Fixed(0.5))),
        ]), ratio);

    private static Indication WithoutReflex(double? ratio = 1.6) => WithRatio(Indication(
        prevalence: Fixed(0.2),
        uptake: Ramped(0.5, 0.7, 2),
        modalities: [Modality("dna", 0.5, 0.35, 0.99), Modality("rna", 0.2, 0.92, 0.995), Modality("liquid", 0.3, 0.1, 0.999)]), ratio);

    private static Indication WithRatio(Indication indication, double? ratio) => ratio is { } r
        ? indication with { Testing = indication.Testing with { UptakeRatioFusionPositive = Fixed(r) } }
        : indication;

    [Fact]
    public void Simulated_means_equal_the_exact_expectations()
    {
        // Given reflex tests from two modalities, a ramped reflex probability, and fusion-positive patients tested 1.6× as often
        var scenario = Scenario(years: 3, iterations: 40_000, seed: 11, indications: WithReflex());
        var model = ModelCompiler.Compile(scenario);

        // When
        var result = Simulator.Run(model, new RunOptions(40_000, 11, 2));

        // Then every funnel count's mean is its exact expectation
        var expected = new ExpectedFunnel(model);
        var means = ParameterOverrides.AtMeans(model);
        var metrics = model.Indications[0].Metrics.Where(m => m is not (MetricNames.OnTreatment or MetricNames.Doses));
        for (int t = 0; t < 3; t++)
        {
            var m = result.Indications[0].Years[t].Metrics;
            foreach (string metric in metrics)
                MonteCarloAssert.MeanIs(expected.Of(new OutputSelection(metric, "test", 2026 + t), means), m[metric], $"{metric} {t}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_exact_expectations_are_the_hand_calculation(int t)
    {
        var model = ModelCompiler.Compile(Scenario(years: 3, indications: WithReflex()));
        var expected = new ExpectedFunnel(model);
        var means = ParameterOverrides.AtMeans(model);
        double Of(string metric) => expected.Of(new OutputSelection(metric, "test", 2026 + t), means);

        double uptake = 0.5 + 0.2 * Math.Min(t / 2.0, 1), dnaReflex = 0.6 + 0.3 * Math.Min(t / 2.0, 1);
        double laterLine = 1000 * 0.7 * 0.5, fusion = laterLine * 0.2;
        double testedFusion = fusion * Math.Min(1, uptake * 1.6), testedOther = (laterLine - fusion) * uptake;
        // Negative first tests that get a reflex, by fusion status.
        double reflexFusion = testedFusion * (0.5 * 0.65 * dnaReflex + 0.3 * 0.9 * 0.5);
        double reflexOther = testedOther * (0.5 * 0.99 * dnaReflex + 0.3 * 0.999 * 0.5);
        double truePositive = testedFusion * (0.5 * 0.35 + 0.2 * 0.92 + 0.3 * 0.1) + reflexFusion * 0.92;
        double falsePositive = testedOther * (0.5 * 0.01 + 0.2 * 0.005 + 0.3 * 0.001) + reflexOther * 0.005;

        Assert.Equal(testedFusion + testedOther, Of(MetricNames.Tested), 9);
        Assert.Equal(fusion - testedFusion, Of(MetricNames.UntestedFusionPositive), 9);
        Assert.Equal(reflexFusion + reflexOther, Of(MetricNames.ReflexTested), 9);
        Assert.Equal(reflexFusion * 0.92 + reflexOther * 0.005, Of(MetricNames.IdentifiedByReflex), 9);
        Assert.Equal(truePositive, Of(MetricNames.TruePositive), 9);
        Assert.Equal(falsePositive, Of(MetricNames.FalsePositive), 9);
        Assert.Equal(testedFusion - truePositive, Of(MetricNames.FalseNegative), 9);
        Assert.Equal(truePositive + falsePositive, Of(MetricNames.Identified), 9);
        Assert.Equal((truePositive + falsePositive) * 0.8 * 0.9, Of(MetricNames.TreatedNew), 9);
    }

    [Fact]
    public void A_reflex_only_adds_positives_and_leaves_every_earlier_draw_as_it_was()
    {
        var withReflex = new IterationRunner(ModelCompiler.Compile(Scenario(years: 3, indications: WithReflex())), seed: 5);
        var withoutReflex = new IterationRunner(ModelCompiler.Compile(Scenario(years: 3, indications: WithoutReflex())), seed: 5);
        var ind = ModelCompiler.Compile(Scenario(years: 3, indications: WithReflex())).Indications[0];
        int metrics = ind.Metrics.Length, testing = CellLayout.TestingStart(ind);
        long reflexed = 0;
        for (int k = 0; k < 2_000; k++)
        {
            withReflex.Simulate(k);
            withoutReflex.Simulate(k);
            for (int t = 0; t < 3; t++)
            {
                var a = withReflex.CellValues.Slice(t * metrics, metrics);
                var b = withoutReflex.CellValues.Slice(t * metrics, metrics);
                Assert.True(a[..(testing + CellLayout.Tested + 1)].SequenceEqual(b[..(testing + CellLayout.Tested + 1)]), $"upstream {k}/{t}");
                Assert.Equal(b[testing + CellLayout.UntestedFusionPositive], a[testing + CellLayout.UntestedFusionPositive]);
                long byReflex = a[testing + CellLayout.IdentifiedByReflex];
                Assert.Equal(b[testing + CellLayout.Identified] + byReflex, a[testing + CellLayout.Identified]);
                long reflexTruePositive = a[testing + CellLayout.TruePositive] - b[testing + CellLayout.TruePositive];
                Assert.InRange(reflexTruePositive, 0, byReflex);
                Assert.Equal(b[testing + CellLayout.FalseNegative] - reflexTruePositive, a[testing + CellLayout.FalseNegative]);
                Assert.InRange(byReflex, 0, a[testing + CellLayout.ReflexTested]);
                Assert.Equal(0, b[testing + CellLayout.ReflexTested]);
                Assert.Equal(0, b[testing + CellLayout.IdentifiedByReflex]);
                reflexed += a[testing + CellLayout.ReflexTested];
            }
        }
        Assert.True(reflexed > 0);
    }

    [Fact]
    public void A_ratio_of_one_draws_exactly_what_no_ratio_draws()
    {
        var one = new IterationRunner(ModelCompiler.Compile(Scenario(years: 3, indications: WithReflex(1.0))), seed: 9);
        var none = new IterationRunner(ModelCompiler.Compile(Scenario(years: 3, indications: WithReflex(null))), seed: 9);
        for (int k = 0; k < 500; k++)
        {
            one.Simulate(k);
            none.Simulate(k);
            Assert.True(one.CellValues.SequenceEqual(none.CellValues), $"iteration {k}");
        }
    }

    [Fact]
    public void Fusion_positive_patients_are_tested_at_most_always()
    {
        // uptake 0.5–0.7 × ratio 3 ≥ 1: every fusion-positive patient is tested
        var result = Simulator.Run(Scenario(years: 3, iterations: 2_000, indications: WithReflex(3.0)), threads: 1);

        Assert.All(result.Indications[0].Years, y => Assert.Equal(0, y.Metrics[MetricNames.UntestedFusionPositive].Max));
    }
}
