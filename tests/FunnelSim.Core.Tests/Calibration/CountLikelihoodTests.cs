using FunnelSim.Analysis;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Model;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Calibration;

/// <summary>
/// The exact likelihood against the engine itself: the frequency with which simulated iterations give exactly the
/// observed counts (all of them at once) converges to the probability the likelihood states.
/// </summary>
public sealed class CountLikelihoodTests
{
    private const int Iterations = 200_000;

    // Small numbers so that exact joint outcomes are common: 12 incident cases a year, high prevalence and false-positive rate.
    private static Indication Small(string id, double incidence) => Indication(id,
        incidence: Fixed(incidence),
        preTest: [Step("advanced", Fixed(0.7))],
        prevalence: Fixed(0.3),
        uptake: Fixed(0.6),
        modalities: [new Modality("dna", null, null, 0.5, Fixed(0.5), Fixed(0.9)), new Modality("rna", null, null, 0.5, Fixed(0.9), Fixed(0.95))],
        postDetection: [Step("prescribed", Fixed(0.6))]);

    public static TheoryData<string, (string Indication, int Year, string Metric, long Value)[]> Cases() => new()
    {
        { "one count: Poisson", [("a", 2026, MetricNames.Tested, 5)] },
        { "a chain of nested counts", [("a", 2026, MetricNames.Tested, 5), ("a", 2026, MetricNames.Identified, 2), ("a", 2026, MetricNames.TreatedNew, 1)] },
        { "siblings inside one count", [("a", 2026, MetricNames.Tested, 5), ("a", 2026, MetricNames.Identified, 2), ("a", 2026, MetricNames.FalseNegative, 1)] },
        { "disjoint counts", [("a", 2026, MetricNames.UntestedFusionPositive, 1), ("a", 2026, MetricNames.Identified, 2)] },
        { "total above its indications", [("total", 2026, MetricNames.Identified, 5), ("a", 2026, MetricNames.TreatedNew, 1), ("b", 2026, MetricNames.Identified, 2)] },
        { "a pre-test step and two years", [("a", 2026, "advanced", 8), ("a", 2026, MetricNames.LaterLine, 8), ("a", 2027, MetricNames.TruePositive, 1)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheLikelihoodIsTheProbabilityOfTheObservedCounts(string name, (string Indication, int Year, string Metric, long Value)[] observed)
    {
        var model = ModelCompiler.Compile(Scenario(years: 2, indications: [Small("a", 12), Small("b", 6)]));
        var observations = observed.Select((o, i) => new Observation(o.Indication, o.Year, o.Metric, o.Value, 1, $"observations[{i}]")).ToArray();
        Assert.Empty(CountLikelihood.Problems(model, observations));
        var likelihood = CountLikelihood.Build(model, observations);
        var cells = new double[model.CellCount];
        var expected = new ExpectedFunnel(model);
        expected.Compute(ParameterOverrides.AtMeans(model).Start, ParameterOverrides.AtMeans(model).Target, cells);
        double probability = Math.Exp(likelihood.LogLikelihood(cells, expected.Reflex, new CountLikelihood.Scratch(likelihood)));

        var indexes = observations.Select(o => CellIndex(model, o)).ToArray();
        var runner = new IterationRunner(model, seed: 7);
        int hits = 0;
        for (int k = 0; k < Iterations; k++)
        {
            runner.Simulate(k);
            var values = runner.CellValues;
            bool all = true;
            for (int i = 0; i < indexes.Length && all; i++) all = values[indexes[i]] == observations[i].Value;
            if (all) hits++;
        }
        double frequency = hits / (double)Iterations;
        double standardError = Math.Sqrt(probability * (1 - probability) / Iterations);
        Assert.True(probability > 0.002, $"{name}: pick counts nearer the mode (probability {probability})");
        Assert.True(Math.Abs(frequency - probability) < 4.5 * standardError,
            $"{name}: simulated frequency {frequency:0.00000} vs likelihood {probability:0.00000} (± {standardError:0.00000})");
    }

    // As Small, with a reflex RNA test after a negative DNA test and fusion-positive patients tested 1.5× as often.
    private static Indication SmallWithReflex(string id, double incidence)
    {
        var small = Small(id, incidence);
        var modalities = small.Testing.Modalities.Select(m => m.Id == "dna" ? m with { Reflex = new Reflex("rna", Fixed(0.7)) } : m);
        return small with { Testing = small.Testing with { Modalities = [.. modalities], UptakeRatioFusionPositive = Fixed(1.5) } };
    }

    public static TheoryData<string, (string Indication, int Year, string Metric, long Value)[]> ReflexCases() => new()
    {
        { "reflex-tested inside tested", [("a", 2026, MetricNames.Tested, 5), ("a", 2026, MetricNames.ReflexTested, 1), ("a", 2026, MetricNames.IdentifiedByReflex, 0)] },
        { "identified by reflex inside identified", [("a", 2026, MetricNames.Identified, 2), ("a", 2026, MetricNames.IdentifiedByReflex, 1)] },
        { "a chain and siblings", [("a", 2026, MetricNames.Tested, 5), ("a", 2026, MetricNames.Identified, 2), ("a", 2026, MetricNames.FalseNegative, 0), ("a", 2026, MetricNames.TreatedNew, 1)] },
        { "true positives and the untested", [("a", 2026, MetricNames.TruePositive, 1), ("a", 2026, MetricNames.UntestedFusionPositive, 0), ("total", 2027, MetricNames.TreatedNewTruePositive, 1)] },
    };

    [Theory]
    [MemberData(nameof(ReflexCases))]
    public void WithReflexTestsTheLikelihoodIsTheProbabilityOfTheObservedCounts(string name, (string Indication, int Year, string Metric, long Value)[] observed)
    {
        var model = ModelCompiler.Compile(Scenario(years: 2, indications: [SmallWithReflex("a", 12), Small("b", 6)]));
        var observations = observed.Select((o, i) => new Observation(o.Indication, o.Year, o.Metric, o.Value, 1, $"observations[{i}]")).ToArray();
        Assert.Empty(CountLikelihood.Problems(model, observations));
        var likelihood = CountLikelihood.Build(model, observations);
        var cells = new double[model.CellCount];
        var expected = new ExpectedFunnel(model);
        expected.Compute(ParameterOverrides.AtMeans(model).Start, ParameterOverrides.AtMeans(model).Target, cells);
        double probability = Math.Exp(likelihood.LogLikelihood(cells, expected.Reflex, new CountLikelihood.Scratch(likelihood)));

        var indexes = observations.Select(o => CellIndex(model, o)).ToArray();
        var runner = new IterationRunner(model, seed: 13);
        int hits = 0;
        for (int k = 0; k < Iterations; k++)
        {
            runner.Simulate(k);
            var values = runner.CellValues;
            bool all = true;
            for (int i = 0; i < indexes.Length && all; i++) all = values[indexes[i]] == observations[i].Value;
            if (all) hits++;
        }
        double frequency = hits / (double)Iterations;
        double standardError = Math.Sqrt(probability * (1 - probability) / Iterations);
        Assert.True(probability > 0.002, $"{name}: pick counts nearer the mode (probability {probability})");
        Assert.True(Math.Abs(frequency - probability) < 4.5 * standardError,
            $"{name}: simulated frequency {frequency:0.00000} vs likelihood {probability:0.00000} (± {standardError:0.00000})");
    }

    [Fact]
    public void ReflexTestedAndIdentifiedOverlapWithoutNesting()
    {
        var model = ModelCompiler.Compile(Scenario(years: 1, indications: [SmallWithReflex("a", 12)]));
        Observation[] observations =
        [
            new("a", 2026, MetricNames.Identified, 2, 1, "observations[0]"),
            new("a", 2026, MetricNames.ReflexTested, 1, 1, "observations[1]"),
        ];
        var problem = Assert.Single(CountLikelihood.Problems(model, observations));
        Assert.Contains("overlap", problem.Message);
    }

    [Fact]
    public void ReflexCountsAreRefusedWhereNoModalityHasAReflex()
    {
        var model = ModelCompiler.Compile(Scenario(years: 1, indications: [SmallWithReflex("a", 12), Small("b", 6)]));
        const string json = """
            { "observations": [
              { "indication": "a", "year": 2026, "metric": "reflexTested", "value": 1 },
              { "indication": "b", "year": 2026, "metric": "identifiedByReflex", "value": 0 },
              { "indication": "total", "year": 2026, "metric": "identifiedByReflex", "value": 1 } ] }
            """;

        var result = ObservedCounts.Read(json, model);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("observations[1].metric", error.Path);
        Assert.Contains("no modality of 'b' has one", error.Message);
    }

    [Fact]
    public void CountsThatOverlapWithoutNestingAreRefused()
    {
        var model = ModelCompiler.Compile(Scenario(years: 1, indications: [Small("a", 12)]));
        Observation[] observations =
        [
            new("a", 2026, MetricNames.FusionPositive, 2, 1, "observations[0]"),
            new("a", 2026, MetricNames.Tested, 5, 1, "observations[1]"),
        ];
        var problem = Assert.Single(CountLikelihood.Problems(model, observations));
        Assert.Equal("observations[1]", problem.Path);
        Assert.Contains("overlap", problem.Message);
    }

    [Fact]
    public void ANestedCountLargerThanItsContainerIsRefused()
    {
        var model = ModelCompiler.Compile(Scenario(years: 1, indications: [Small("a", 12)]));
        Observation[] observations =
        [
            new("a", 2026, MetricNames.Tested, 2, 1, "observations[0]"),
            new("a", 2026, MetricNames.Identified, 3, 1, "observations[1]"),
        ];
        var problem = Assert.Single(CountLikelihood.Problems(model, observations));
        Assert.Contains("cannot be larger", problem.Message);
    }

    private static int CellIndex(CompiledModel model, Observation o)
    {
        int group = o.Indication == Observation.Total ? model.Indications.Length
            : Array.FindIndex(model.Indications, i => i.Id == o.Indication);
        return model.GroupOffsets[group] + (o.Year - model.Scenario.StartYear) * model.MetricCount(group)
               + Array.IndexOf(model.MetricsOf(group), o.Metric);
    }
}
