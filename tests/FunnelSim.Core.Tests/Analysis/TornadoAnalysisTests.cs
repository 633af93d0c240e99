using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// The tornado on a model whose answer is a product of probabilities: each bar end equals the analytic expectation
/// with that input at its end and every other input at its mean — to rounding error by default (the exact
/// expectation), and within 4 Monte Carlo standard errors (fixed seed) when simulated.
/// </summary>
public class TornadoAnalysisTests
{
    // Specificity 1: no false positives, so treatedNew = incidence · Π pre-test · prevalence · uptake · Σ share·sens · Π post.
    private static readonly Parameter Uptake = new(ParameterForm.Shorthand, BetaDistribution.FromMoments(0.6, 0.15 / 3.92)!, 0.5, 0.65)
        { Value = 0.6 };
    private static readonly PertDistribution PrevalencePert = new(0.05, 0.1, 0.2);
    private static readonly UniformDistribution Prescribed = new(0.6, 0.9);

    private static Scenario ProductModel(params Indication[] extra) =>
        Scenario(years: 1, indications: [
            Indication(
                id: "pdac",
                prevalence: Uncertain(PrevalencePert),
                uptake: Uptake,
                modalities: [
                    new Modality("dna", null, null, 0.3, Fixed(0.5), Fixed(1)),
                    new Modality("rna", null, null, 0.7, Fixed(0.9), Fixed(1)),
                ],
                postDetection: [Step("prescribed", Uncertain(Prescribed)), Step("payer-approved", Fixed(0.9))]),
            .. extra,
        ]);

    private static double TreatedNew(double prevalence, double uptake, double prescribed) =>
        1000 * 0.7 * 0.5 * prevalence * uptake * (0.3 * 0.5 + 0.7 * 0.9) * prescribed * 0.9;

    private static void Near(double expected, double actual, double mcse, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 4 * mcse + 1e-9, $"{what}: {actual} vs analytic {expected} (4 MCSE = {4 * mcse})");

    private static void Exact(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"{what}: {actual} vs analytic {expected}");

    private static TornadoOptions Simulated(long iterations, ulong seed, int threads) =>
        new(iterations, seed, threads) { Method = TornadoMethod.Simulation };

    /// <summary>The analytic bar ends of the product model's three inputs, the others at their means.</summary>
    private static (double Low, double High) Analytic(TornadoInput input)
    {
        double prevalence = PrevalencePert.Mean, uptake = 0.6, prescribed = 0.75;
        return input.Path switch
        {
            "indications[0].prevalence" => (TreatedNew(input.Low, uptake, prescribed), TreatedNew(input.High, uptake, prescribed)),
            "indications[0].testing.uptake" => (TreatedNew(prevalence, input.Low, prescribed), TreatedNew(prevalence, input.High, prescribed)),
            "indications[0].postDetectionSteps[0].probability" =>
                (TreatedNew(prevalence, uptake, input.Low), TreatedNew(prevalence, uptake, input.High)),
            _ => throw new InvalidOperationException($"unexpected input {input.Path}"),
        };
    }

    [Fact]
    public void BarEndsEqualTheAnalyticProductWithOthersAtTheirMeans()
    {
        // Given
        var model = ModelCompiler.Compile(ProductModel());

        // When: treatedNew has an exact expectation, so that is what the tornado computes
        var tornado = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac"), new TornadoOptions());

        // Then: three bars, exact to rounding, with the written range for the shorthand and P2.5/P97.5 for explicit distributions
        Assert.Equal(TornadoMethod.Expectation, tornado.Method);
        Assert.Equal((0L, 0.0), (tornado.Run.Iterations, tornado.BaseMcse));
        Assert.Equal(3, tornado.Bars.Count);
        Exact(TreatedNew(PrevalencePert.Mean, 0.6, 0.75), tornado.BaseOutput, "base");
        foreach (var bar in tornado.Bars)
        {
            var expected = Analytic(bar.Input);
            Exact(expected.Low, bar.OutputAtLow, $"{bar.Input.Path} low");
            Exact(expected.High, bar.OutputAtHigh, $"{bar.Input.Path} high");
            Assert.Equal((0.0, 0.0, 0.0), (bar.McseAtLow, bar.McseAtHigh, bar.SwingMcse));
        }
        var uptakeBar = tornado.Bars.Single(b => b.Input.Path == "indications[0].testing.uptake");
        Assert.Equal((0.5, 0.65), (uptakeBar.Input.Low, uptakeBar.Input.High));
        var prescribedBar = tornado.Bars.Single(b => b.Input.Path == "indications[0].postDetectionSteps[0].probability");
        Assert.Equal(0.6 + 0.3 * 0.025, prescribedBar.Input.Low, 12);
        Assert.Equal(0.6 + 0.3 * 0.975, prescribedBar.Input.High, 12);
    }

    [Fact]
    public void SimulatedBarEndsMatchTheAnalyticProductWithinTheirMonteCarloError()
    {
        var model = ModelCompiler.Compile(ProductModel());

        var tornado = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac"), Simulated(20_000, 7, 2));

        Assert.Equal(TornadoMethod.Simulation, tornado.Method);
        Assert.Equal(20_000, tornado.Run.Iterations);
        Assert.Equal(3, tornado.Bars.Count);
        Near(TreatedNew(PrevalencePert.Mean, 0.6, 0.75), tornado.BaseOutput, tornado.BaseMcse, "base");
        foreach (var bar in tornado.Bars)
        {
            var expected = Analytic(bar.Input);
            Near(expected.Low, bar.OutputAtLow, bar.McseAtLow, $"{bar.Input.Path} low");
            Near(expected.High, bar.OutputAtHigh, bar.McseAtHigh, $"{bar.Input.Path} high");
            Near(expected.High - expected.Low, bar.OutputAtHigh - bar.OutputAtLow, bar.SwingMcse, $"{bar.Input.Path} swing");
        }
    }

    [Fact]
    public void OnTheBuiltInScenarioTheExactAndTheSimulatedTornadoAgreeForDoses()
    {
        // Given doses: carried over years through the duration distribution, the hardest expectation
        var model = ModelCompiler.Compile(BuiltInScenarios.LoadUsNationalBase().Scenario!);
        var output = new OutputSelection(MetricNames.Doses, "pdac", 2028);

        // When
        var exact = TornadoAnalysis.Run(model, output, new TornadoOptions());
        var simulated = TornadoAnalysis.Run(model, output, Simulated(4_000, 5, 2));

        // Then the same inputs move it, and every simulated end lies within 4 MCSE of the exact one
        Assert.Equal(simulated.Bars.Select(b => b.Input.Path).Order(), exact.Bars.Select(b => b.Input.Path).Order());
        Near(exact.BaseOutput, simulated.BaseOutput, simulated.BaseMcse, "base");
        foreach (var bar in simulated.Bars)
        {
            var end = exact.Bars.Single(b => b.Input == bar.Input);
            Near(end.OutputAtLow, bar.OutputAtLow, bar.McseAtLow, $"{bar.Input.Path} low");
            Near(end.OutputAtHigh, bar.OutputAtHigh, bar.McseAtHigh, $"{bar.Input.Path} high");
            Near(end.OutputAtHigh - end.OutputAtLow, bar.OutputAtHigh - bar.OutputAtLow, bar.SwingMcse, $"{bar.Input.Path} swing");
        }
    }

    [Fact]
    public void AskingForAnExpectationUsesNoIterationsAndNoSeed()
    {
        var model = ModelCompiler.Compile(ProductModel());
        var output = new OutputSelection("identified", "pdac");
        var one = TornadoAnalysis.Run(model, output, new TornadoOptions(1, 1, 1) { Method = TornadoMethod.Expectation });
        var other = TornadoAnalysis.Run(model, output, new TornadoOptions(9_999, 12_345, 4));
        Assert.Equal(one.BaseOutput, other.BaseOutput);
        Assert.Equal(one.Bars, other.Bars);
        Assert.Equal(one.NoEffect, other.NoEffect);
        // The post-detection step comes after 'identified': exactly no effect.
        Assert.Contains(one.NoEffect, i => i.Path == "indications[0].postDetectionSteps[0].probability");
    }

    [Fact]
    public void BarsAreSortedBySwingAndSharedStreamsMakeTheSwingMorePreciseThanIndependentEnds()
    {
        var model = ModelCompiler.Compile(ProductModel());
        var tornado = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac"), Simulated(5_000, 3, 2));

        Assert.Equal(tornado.Bars.OrderByDescending(b => b.Swing).Select(b => b.Input.Path), tornado.Bars.Select(b => b.Input.Path));
        foreach (var bar in tornado.Bars)
        {
            // Independent ends would give √(low² + high²) MCSE; shared streams correlate the ends positively.
            double independent = Math.Sqrt(bar.McseAtLow * bar.McseAtLow + bar.McseAtHigh * bar.McseAtHigh);
            Assert.True(bar.SwingMcse < independent, $"{bar.Input.Path}: swing MCSE {bar.SwingMcse} vs independent {independent}");
        }
    }

    [Fact]
    public void InputsOfAnotherIndicationAndRampTargetsBeforeTheRampHaveExactlyNoEffect()
    {
        // Given a second indication with uncertain incidence, and a ramping uptake in the first
        var other = Indication(id: "cca", incidence: Uncertain(new NormalDistribution(800, 50)));
        var ramped = Indication(id: "pdac", uptake: new Parameter(ParameterForm.Explicit, new UniformDistribution(0.4, 0.6),
            Ramp: new Ramp(Uncertain(new UniformDistribution(0.7, 0.9)), 2, RampShape.Linear)));
        var model = ModelCompiler.Compile(Scenario(years: 3, indications: [ramped, other]));

        // When: exact expectations, and the same by simulation
        foreach (var options in new[] { new TornadoOptions(), Simulated(1_000, 5, 1) })
        {
            var first = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac", 2026), options);
            var last = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac", 2028), options);
            var total = TornadoAnalysis.Run(model, new OutputSelection("incident", "total", 2028), options);

            // Then
            Assert.Equal(["indications[0].testing.uptake"], first.Bars.Select(b => b.Input.Path));
            Assert.Equal(["indications[0].testing.uptake.ramp.to", "indications[1].incidence"], first.NoEffect.Select(i => i.Path));
            Assert.Equal("indications[0].testing.uptake.ramp.to", last.Bars[0].Input.Path);
            Assert.Equal(["indications[1].incidence"], total.Bars.Select(b => b.Input.Path));
            Assert.Equal(2026, first.Output.Year);
            if (options.Method is null)
            {
                // At the ramp's end the start no longer sets the probability: exactly no effect.
                Assert.Single(last.Bars);
                Assert.Contains(last.NoEffect, i => i.Path == "indications[0].testing.uptake");
            }
            else
            {
                // Simulated, the start can only shift how far earlier years advanced the shared count streams (a
                // rejection sampler's draws), which is noise: no effect beyond 4 MCSE.
                Assert.All(last.Bars.Skip(1), b => Assert.True(b.Swing <= 4 * b.SwingMcse, $"{b.Input.Path}: {b.Swing} ± {b.SwingMcse}"));
            }
        }
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var model = ModelCompiler.Compile(ProductModel());
        var output = new OutputSelection("treatedNew");
        var one = TornadoAnalysis.Run(model, output, Simulated(5_000, 11, 1));
        var four = TornadoAnalysis.Run(model, output, Simulated(5_000, 11, 4));
        Assert.Equal(one.BaseOutput, four.BaseOutput);
        Assert.Equal(one.Bars, four.Bars);
        Assert.Equal(2026, one.Output.Year);
    }

    [Theory]
    [InlineData("treatedNew", "nsclc", null, "unknown indication 'nsclc'")]
    [InlineData("treatedNwe", "pdac", null, "did you mean 'treatedNew'?")]
    [InlineData("treatedNew", "pdac", 2031, "year 2031 is outside the horizon 2026–2026")]
    public void AnOutputTheModelDoesNotHaveIsExplained(string metric, string indication, int? year, string message)
    {
        var model = ModelCompiler.Compile(ProductModel());
        Assert.Contains(message, new OutputSelection(metric, indication, year).Check(model));
        Assert.Throws<ArgumentException>(() => TornadoAnalysis.Run(model, new OutputSelection(metric, indication, year), new TornadoOptions(10)));
    }
}
