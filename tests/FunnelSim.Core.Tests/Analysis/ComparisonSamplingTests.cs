using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary><c>run.sampling</c> of a comparison and of a precision run says how the draws were made.</summary>
public sealed class ComparisonSamplingTests
{
    private static Scenario BaseCase(SamplingMethod sampling, int iterations = 300)
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        return scenario with { Simulation = new SimulationSettings(iterations, 5, sampling) };
    }

    [Fact]
    public void ACompareOfLatinHypercubeScenariosSaysLatinHypercube()
    {
        var scenario = BaseCase(SamplingMethod.LatinHypercube);

        var comparison = ScenarioComparison.Run(scenario, scenario, new RunOptions(300, 5, 1));

        Assert.Equal("latin-hypercube", comparison.Run.Sampling);
    }

    [Theory]
    [InlineData(SamplingMethod.LatinHypercube, SamplingMethod.MonteCarlo, "latin-hypercube")]
    [InlineData(SamplingMethod.MonteCarlo, SamplingMethod.LatinHypercube, "monte-carlo")]
    public void BothSidesUseAsSamplingDesignSoTheSameScenarioPairsExactly(SamplingMethod samplingA, SamplingMethod samplingB, string label)
    {
        // Given the same scenario whose B file asks for the other design
        var a = BaseCase(samplingA);
        var b = BaseCase(samplingB);

        var comparison = ScenarioComparison.Run(a, b, new RunOptions(300, 5, 1));

        // Then both ran A's design: the label says so, B's echo reruns as compared, and every iteration pairs exactly
        Assert.Equal(label, comparison.Run.Sampling);
        Assert.Equal(samplingA, comparison.B.Simulation.Sampling);
        var treated = comparison.Total.Years[^1].Metrics[MetricNames.TreatedNew];
        Assert.Equal((0.0, 0.0, 1.0), (treated.Difference.Sd, treated.Difference.Mcse, treated.ProbabilityEqual));
        Assert.Contains($"both run with A's {label}", ScenarioComparison.SamplingNote(a, b));
        Assert.Null(ScenarioComparison.SamplingNote(a, a));
    }

    [Fact]
    public void LatinHypercubeStrataInACompareFollowTheRunNotTheScenariosIterationCount()
    {
        // Given B's scenario saying another iteration count than the run's, B is still stratified over the run's
        var a = BaseCase(SamplingMethod.LatinHypercube, 300);
        var b = BaseCase(SamplingMethod.LatinHypercube, 20_000);

        var comparison = ScenarioComparison.Run(a, b, new RunOptions(300, 5, 1));

        // Then the two sides draw the same numbers: the difference is exactly zero
        var total = comparison.Total.Years[0].Metrics[MetricNames.TreatedNew];
        Assert.Equal(0, total.Difference.Mean);
        Assert.Equal(0, total.Difference.Sd);
    }

    [Fact]
    public void APrecisionRunSaysItsSampling()
    {
        var result = PrecisionRun.Run(ModelCompiler.Compile(BaseCase(SamplingMethod.MonteCarlo)), 5,
            new PrecisionTarget(0.5, 4_000, 500), 1);

        Assert.Equal("monte-carlo", result.Run.Sampling);
    }
}
