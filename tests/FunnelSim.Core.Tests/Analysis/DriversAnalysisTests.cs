using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

public class DriversAnalysisTests
{
    /// <summary>
    /// Identified patients ≈ laterLine · prevalence · uptake · sensitivity: prevalence varies fivefold, the other
    /// uncertain inputs by a few percent, and incidence is large enough that patient-level chance is small.
    /// </summary>
    private static Scenario PrevalenceDominates(long iterations = 6_000) => Scenario(years: 2, iterations: iterations, seed: 7,
        indications: [Indication("x",
            incidence: Fixed(200_000),
            preTest: [Step("advanced", Uncertain(new UniformDistribution(0.69, 0.71)))],
            prevalence: Uncertain(new UniformDistribution(0.01, 0.05)),
            uptake: Uncertain(new UniformDistribution(0.58, 0.62)),
            postDetection: [Step("prescribed", new Parameter(ParameterForm.Shorthand, new UniformDistribution(0.5, 0.52),
                Ramp: new Ramp(Uncertain(new UniformDistribution(0.7, 0.72)), 2, RampShape.Linear)))])]);

    private static readonly OutputSelection Identified = new(MetricNames.Identified, "x");

    [Fact]
    public void TheDominantParameterRanksFirstByEveryMethodAndTheSurrogateFitsWell()
    {
        var model = ModelCompiler.Compile(PrevalenceDominates());

        var result = DriversAnalysis.Run(model, Identified, new DriversOptions(6_000, 7, Threads: 2));

        var first = result.Parameters[0];
        Assert.Equal("indications[0].prevalence", first.Path);
        Assert.Equal(new DriverRanks(1, 1, 1), first.Ranks);
        Assert.True(first.Spearman > 0.95, $"Spearman {first.Spearman}");
        Assert.True(first.StandardizedCoefficient > 0.9, $"SRC {first.StandardizedCoefficient}");
        Assert.True(result.Surrogate!.RSquared > 0.9, $"surrogate R² {result.Surrogate.RSquared}");
        Assert.True(result.LinearRSquared > 0.9, $"linear R² {result.LinearRSquared}");
        // Every other input matters at least ten times less by each measure.
        foreach (var other in result.Parameters.Skip(1))
        {
            Assert.True(Math.Abs(other.Spearman) < first.Spearman / 10, $"{other.Path}: Spearman {other.Spearman}");
            Assert.True(other.VarianceShare < first.VarianceShare / 10, $"{other.Path}: variance share {other.VarianceShare}");
        }
    }

    [Fact]
    public void ImportanceIsAVarianceShareAndTheFitIsJudgedAgainstTheAttainableCeiling()
    {
        // Given an output driven almost wholly by one input, with little patient-level chance
        var result = DriversAnalysis.Run(ModelCompiler.Compile(PrevalenceDominates()), Identified, new DriversOptions(6_000, 7, Threads: 2));

        // Then that input's importance is about its variance share, 1 (not about 2, the drop in R² when shuffled)
        var first = result.Parameters[0];
        Assert.InRange(first.VarianceShare, 0.85, 1.02);
        Assert.InRange(result.Parameters.Sum(p => p.VarianceShare), 0.85, 1.05);
        var fit = result.Surrogate!;
        Assert.True(fit.AttainableRSquared > 0.97, $"attainable {fit.AttainableRSquared}");
        Assert.True(fit.LinearRSquared > 0.9, $"held-out linear {fit.LinearRSquared}");
        Assert.StartsWith("good", fit.Verdict);
    }

    [Fact]
    public void TheCeilingOfANoisyOutputIsThePartTheInputsCanExplain()
    {
        // Given identified patients ~ Poisson(λ(θ)) with E[λ] ≈ 5.67 (the noise variance) and Var(λ) ≈ 3.56 (the part the
        // inputs explain): the attainable R² is 3.56 / (3.56 + 5.67) ≈ 0.385
        var scenario = PrevalenceDominates() with
        {
            Indications = [PrevalenceDominates().Indications[0] with { Incidence = Fixed(500) }],
        };
        var result = DriversAnalysis.Run(ModelCompiler.Compile(scenario), Identified, new DriversOptions(6_000, 7, Threads: 2));

        // Then the estimate is within its error (noise variance from 200 × 9 degrees of freedom: ≈ 0.025; four of them)
        var fit = result.Surrogate!;
        Assert.InRange(fit.AttainableRSquared, 0.385 - 0.1, 0.385 + 0.1);
        // and a tree near the ceiling is judged by its share of it, not by its raw R² (below 0.4, once "poor")
        Assert.True(fit.ShareOfAttainable > 0.75, $"tree {fit.RSquared} of attainable {fit.AttainableRSquared}");
        Assert.DoesNotContain("poor", fit.Verdict);
    }

    [Theory]
    [InlineData(0.60, 0.625, 0.30, "good")]
    [InlineData(0.60, 0.625, 0.60, "good; a linear model does as well")]
    [InlineData(0.45, 0.625, 0.30, "fair; read importances with care")]
    [InlineData(0.30, 0.625, 0.30, "poor; the importances are not reliable; a linear model does as well")]
    [InlineData(0.01, 0.02, 0.0, "little to explain: the inputs move the output far less than patient-level chance")]
    public void TheVerdictComparesTheTreeWithTheCeilingAndTheLinearBaseline(double tree, double attainable, double linear, string verdict)
    {
        var fit = new SurrogateFit("tree", 800, 200, tree, 1) { AttainableRSquared = attainable, LinearRSquared = linear };
        Assert.Equal(verdict, fit.Verdict);
    }

    [Fact]
    public void ResultsAreIdenticalForAnyThreadCount()
    {
        var model = ModelCompiler.Compile(PrevalenceDominates(iterations: 5_000));
        // 5,000 draws are three blocks, the last one partial.
        var one = DriversAnalysis.Run(model, Identified, new DriversOptions(5_000, 7, Threads: 1));
        var three = DriversAnalysis.Run(model, Identified, new DriversOptions(5_000, 7, Threads: 3));

        Assert.Equal(one.Parameters, three.Parameters);
        Assert.Equal(one.Surrogate, three.Surrogate);
        Assert.Equal(one.Distribution, three.Distribution);
        Assert.Equal(one.LinearRSquared, three.LinearRSquared);
        Assert.Equal(DriversJson.Write(one).Split('\n').Where(NotRunTime), DriversJson.Write(three).Split('\n').Where(NotRunTime));

        static bool NotRunTime(string line) => !line.Contains("\"threads\"") && !line.Contains("\"elapsedSeconds\"");
    }

    [Fact]
    public void TheDrawsAreThoseOfAPlainRunWithTheSameSeed()
    {
        var scenario = PrevalenceDominates(iterations: 3_000);
        var model = ModelCompiler.Compile(scenario);
        var plain = Simulator.Run(model, new RunOptions(3_000, 7)).YearsOf("x")![1].Metrics[MetricNames.Identified];

        var drivers = DriversAnalysis.Run(model, Identified, new DriversOptions(3_000, 7));

        Assert.Equal(2027, drivers.Output.Year);
        Assert.Equal(plain.Mean, drivers.Distribution.Mean);
        Assert.Equal(plain.P5, drivers.Distribution.P5);
        Assert.Equal(plain.P50, drivers.Distribution.P50);
        Assert.Equal(plain.P95, drivers.Distribution.P95);
        Assert.Equal(plain.Sd, drivers.Distribution.Sd, 1e-9);
    }

    [Fact]
    public void UncertainRampTargetsAreInputsAndFixedParametersAreLeftOut()
    {
        var model = ModelCompiler.Compile(PrevalenceDominates());

        var inputs = DriverInput.Uncertain(model).Select(i => i.Path).ToArray();

        Assert.Equal([
            "indications[0].preTestSteps[0].probability",
            "indications[0].prevalence",
            "indications[0].testing.uptake",
            "indications[0].postDetectionSteps[0].probability",
            "indications[0].postDetectionSteps[0].probability.ramp.to",
        ], inputs);
    }

    [Fact]
    public void TheCapLimitsTheDrawsAndIsReported()
    {
        var model = ModelCompiler.Compile(PrevalenceDominates());
        var result = DriversAnalysis.Run(model, Identified, new DriversOptions(50_000, 7, MaxDraws: 1_000));
        Assert.Equal(1_000, result.Run.Draws);
        Assert.Equal(50_000, result.Run.Iterations);
        Assert.Equal(800, result.Surrogate!.TrainDraws);
        Assert.Equal(200, result.Surrogate.TestDraws);
    }

    [Fact]
    public void AFullyFixedScenarioHasNothingToRankAndSaysWhy()
    {
        var model = ModelCompiler.Compile(Scenario(iterations: 500));
        var result = DriversAnalysis.Run(model, new OutputSelection(MetricNames.TreatedNew), new DriversOptions(500, 1));
        Assert.Empty(result.Parameters);
        Assert.Null(result.Surrogate);
        Assert.Contains("fixed", result.Note);
    }

    [Theory]
    [InlineData("treatedNw", "x", null, "did you mean 'treatedNew'")]
    [InlineData("treatedNew", "pdac", null, "unknown indication 'pdac'; this scenario has: x, total")]
    [InlineData("treatedNew", "total", 2031, "year 2031 is outside the horizon 2026–2027")]
    [InlineData("advanced", "x", 2026, null)]
    public void TheOutputChoiceIsCheckedAgainstTheModel(string metric, string indication, int? year, string? expected)
    {
        var model = ModelCompiler.Compile(PrevalenceDominates());
        string? problem = new OutputSelection(metric, indication, year).Check(model);
        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }
}
