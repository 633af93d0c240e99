using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Scenarios;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// The tornado on a model whose answer is a product of probabilities: each bar end equals the analytic expectation
/// with that input at its end and every other input at its mean, within 4 Monte Carlo standard errors (fixed seed).
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

    [Fact]
    public void BarEndsEqualTheAnalyticProductWithOthersAtTheirMeans()
    {
        // Given
        var model = ModelCompiler.Compile(ProductModel());

        // When
        var tornado = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac"), new TornadoOptions(20_000, 7, 2));

        // Then: three bars, with the written range for the shorthand and P2.5/P97.5 for explicit distributions
        double prevalence = PrevalencePert.Mean, uptake = 0.6, prescribed = 0.75;
        Assert.Equal(3, tornado.Bars.Count);
        Near(TreatedNew(prevalence, uptake, prescribed), tornado.BaseOutput, tornado.BaseMcse, "base");
        foreach (var bar in tornado.Bars)
        {
            var input = bar.Input;
            (double Low, double High) expected = input.Path switch
            {
                "indications[0].prevalence" => (TreatedNew(input.Low, uptake, prescribed), TreatedNew(input.High, uptake, prescribed)),
                "indications[0].testing.uptake" => (TreatedNew(prevalence, input.Low, prescribed), TreatedNew(prevalence, input.High, prescribed)),
                "indications[0].postDetectionSteps[0].probability" =>
                    (TreatedNew(prevalence, uptake, input.Low), TreatedNew(prevalence, uptake, input.High)),
                _ => throw new InvalidOperationException($"unexpected input {input.Path}"),
            };
            Near(expected.Low, bar.OutputAtLow, bar.McseAtLow, $"{input.Path} low");
            Near(expected.High, bar.OutputAtHigh, bar.McseAtHigh, $"{input.Path} high");
            Near(expected.High - expected.Low, bar.OutputAtHigh - bar.OutputAtLow, bar.SwingMcse, $"{input.Path} swing");
        }
        var uptakeBar = tornado.Bars.Single(b => b.Input.Path == "indications[0].testing.uptake");
        Assert.Equal((0.5, 0.65), (uptakeBar.Input.Low, uptakeBar.Input.High));
        var prescribedBar = tornado.Bars.Single(b => b.Input.Path == "indications[0].postDetectionSteps[0].probability");
        Assert.Equal(0.6 + 0.3 * 0.025, prescribedBar.Input.Low, 12);
        Assert.Equal(0.6 + 0.3 * 0.975, prescribedBar.Input.High, 12);
    }

    [Fact]
    public void BarsAreSortedBySwingAndSharedStreamsMakeTheSwingMorePreciseThanIndependentEnds()
    {
        var model = ModelCompiler.Compile(ProductModel());
        var tornado = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac"), new TornadoOptions(5_000, 3, 2));

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

        // When
        var first = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac", 2026), new TornadoOptions(1_000, 5, 1));
        var last = TornadoAnalysis.Run(model, new OutputSelection("treatedNew", "pdac", 2028), new TornadoOptions(1_000, 5, 1));
        var total = TornadoAnalysis.Run(model, new OutputSelection("incident", "total", 2028), new TornadoOptions(1_000, 5, 1));

        // Then
        Assert.Equal(["indications[0].testing.uptake"], first.Bars.Select(b => b.Input.Path));
        Assert.Equal(["indications[0].testing.uptake.ramp.to", "indications[1].incidence"], first.NoEffect.Select(i => i.Path));
        // At the ramp's end the start no longer sets the probability; it can only shift how far earlier years advanced
        // the shared count streams (a rejection sampler's draws), which is noise: no effect beyond 4 MCSE.
        Assert.Equal("indications[0].testing.uptake.ramp.to", last.Bars[0].Input.Path);
        Assert.All(last.Bars.Skip(1), b => Assert.True(b.Swing <= 4 * b.SwingMcse, $"{b.Input.Path}: {b.Swing} ± {b.SwingMcse}"));
        Assert.Equal(["indications[1].incidence"], total.Bars.Select(b => b.Input.Path));
        Assert.Equal(2026, first.Output.Year);
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var model = ModelCompiler.Compile(ProductModel());
        var output = new OutputSelection("treatedNew");
        var one = TornadoAnalysis.Run(model, output, new TornadoOptions(5_000, 11, 1));
        var four = TornadoAnalysis.Run(model, output, new TornadoOptions(5_000, 11, 4));
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
