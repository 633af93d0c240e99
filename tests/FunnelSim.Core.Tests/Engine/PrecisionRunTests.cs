using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

public class PrecisionRunTests
{
    private static CompiledModel Model(SamplingMethod sampling = SamplingMethod.MonteCarlo) =>
        ModelCompiler.Compile(Scenario(years: 2, indications: Indication(prevalence: Uncertain(new BetaDistribution(2, 30)))) with
        {
            Simulation = new SimulationSettings(1000, 9, sampling),
        });

    [Fact]
    public void AResultReachedInChunksEqualsAPlainRunOfTheSameLength()
    {
        // Given a target that needs more than the first chunk
        var model = Model();
        var target = new PrecisionTarget(0.004, FirstChunk: 3_000);

        // When
        var chunked = PrecisionRun.Run(model, 9, target, threads: 2);
        var plain = Simulator.Run(model, new RunOptions(chunked.Run.Iterations, 9, Threads: 3));

        // Then
        var convergence = chunked.Run.Convergence!;
        Assert.True(convergence.Chunks > 1, $"{convergence.Chunks} chunks");
        Assert.Equal(ConvergenceInfo.PrecisionReached, convergence.StopReason);
        Assert.Equal(0, chunked.Run.Iterations % PrecisionTarget.Granularity);
        for (int t = 0; t < 2; t++)
        {
            Assert.Equal(plain.Indications[0].Years[t].Metrics, chunked.Indications[0].Years[t].Metrics);
            Assert.Equal(plain.Total.Years[t].Metrics, chunked.Total.Years[t].Metrics);
        }
    }

    [Fact]
    public void TheReportedPrecisionIsTheWorstHeadlineCellAndMeetsTheTarget()
    {
        var result = PrecisionRun.Run(Model(), 9, new PrecisionTarget(0.01), threads: 2);

        var cells = result.Indications.SelectMany(i => i.Years.Select(y => (Name: $"{i.Id} {y.Year}", Summary: y.Metrics["treatedNew"])))
            .Concat(result.Total.Years.Select(y => (Name: $"total {y.Year}", Summary: y.Metrics["treatedNew"])))
            .Where(c => c.Summary.Mean != 0)
            .Select(c => (c.Name, Relative: c.Summary.Mcse / c.Summary.Mean))
            .ToArray();
        var worst = cells.MaxBy(c => c.Relative);
        var convergence = result.Run.Convergence!;
        Assert.Equal(worst.Relative, convergence.Achieved, 12);
        Assert.Equal(worst.Name, convergence.WorstCell);
        Assert.True(convergence.Achieved <= 0.01);
        Assert.Equal("treatedNew", convergence.Metric);
    }

    [Fact]
    public void TheCapStopsARunThatCannotReachTheTarget()
    {
        var result = PrecisionRun.Run(Model(), 9, new PrecisionTarget(0.0001, MaxIterations: 12_345, FirstChunk: 5_000), threads: 2);

        Assert.Equal(12_345, result.Run.Iterations);
        Assert.Equal(ConvergenceInfo.MaxIterationsReached, result.Run.Convergence!.StopReason);
        Assert.True(result.Run.Convergence.Achieved > 0.0001);
    }

    [Fact]
    public void LatinHypercubeSamplingRunsToATargetInWholeReplicates()
    {
        var result = PrecisionRun.Run(Model(SamplingMethod.LatinHypercube), 9, new PrecisionTarget(0.01, FirstChunk: 2_000), threads: 2);

        Assert.Equal("latin-hypercube", result.Run.Sampling);
        Assert.Equal(0, result.Run.Iterations % 200);
        Assert.Equal((int)(result.Run.Iterations / 200), result.Run.LhsReplicates!.Value);
        Assert.Equal(ConvergenceInfo.PrecisionReached, result.Run.Convergence!.StopReason);
    }

    [Theory]
    [InlineData(10_000, 0.02, 0.01, 40_000)]   // needs 44,000: at most 4× per step
    [InlineData(10_000, 0.012, 0.01, 16_000)]  // 15,840 rounded up
    [InlineData(10_000, 0.0101, 0.01, 12_000)] // 11,222 rounded up
    [InlineData(999_500, 0.02, 0.01, 1_000_000)] // capped
    public void TheNextChunkAimsAtTheNeededCountWithinLimits(long done, double worst, double precision, long expected) =>
        Assert.Equal(expected, PrecisionRun.NextEnd(done, worst, new PrecisionTarget(precision)));
}
