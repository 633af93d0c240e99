using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Results;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Which cells a <c>--precision</c> run judges (issue 13 §2): a cell 0 in every iteration is skipped and named when its
/// exact expectation is 0, and is a rare event not yet seen (not reached) when its expectation is not.
/// </summary>
public class PrecisionCellsTests
{
    private static CompiledModel Model() => ModelCompiler.Compile(Scenario(years: 2, iterations: 1_000, seed: 9,
        indications:
        [
            Indication("common"),
            Indication("never", postDetection: [Step("prescribed", Fixed(0)), Step("payer-approved", Fixed(0.9))]),
            // About 1.2e-6 patients treated per iteration: almost surely none in the first chunks.
            Indication("rare", incidence: Fixed(0.0001)),
        ]));

    [Fact]
    public void ACellZeroInExpectationIsSkippedAndNamed()
    {
        var model = Model();
        var expected = ExpectedFunnel.AtParameterMeans(model);
        var result = PrecisionRun.Run(model, 9, new PrecisionTarget(0.02, MaxIterations: 30_000, FirstChunk: 5_000), threads: 2,
            expectations: expected);

        var convergence = result.Run.Convergence!;
        Assert.Equal(["never 2026", "never 2027"], convergence.SkippedCells);
        Assert.Equal(0, result.Indications[1].Years[0].Metrics["treatedNew"].Max);
    }

    [Fact]
    public void ACellWithARareButNonZeroExpectationIsNotReachedWhileUnseen()
    {
        // Given a target the common cells meet quickly, and a rare cell never seen within the cap
        var model = Model();
        var expected = ExpectedFunnel.AtParameterMeans(model);
        int rare = model.Layout.Cell(2, 0, Array.IndexOf(model.MetricsOf(2), "treatedNew"));
        Assert.InRange(expected[rare], 1e-7, 1e-5);
        var target = new PrecisionTarget(0.05, MaxIterations: 20_000, FirstChunk: 5_000);

        // When
        var result = PrecisionRun.Run(model, 9, target, threads: 2, expectations: expected);

        // Then the run does not claim the target: it ran to the cap and names the rare cells with their expectation
        var convergence = result.Run.Convergence!;
        Assert.Equal(ConvergenceInfo.MaxIterationsReached, convergence.StopReason);
        Assert.Equal(20_000, result.Run.Iterations);
        Assert.True(convergence.Achieved <= 0.05, $"{convergence.Achieved}");
        Assert.Equal(["rare 2026", "rare 2027"], convergence.NotReachedCells!.Select(c => c.Cell));
        Assert.Equal(expected[rare], convergence.NotReachedCells![0].Expected);
        Assert.Equal(["never 2026", "never 2027"], convergence.SkippedCells);
    }

    [Fact]
    public void WithoutExpectationsEveryZeroCellIsSkippedAndNamed()
    {
        var result = PrecisionRun.Run(Model(), 9, new PrecisionTarget(0.05, MaxIterations: 20_000, FirstChunk: 5_000), threads: 2);

        var convergence = result.Run.Convergence!;
        Assert.Equal(ConvergenceInfo.PrecisionReached, convergence.StopReason);
        Assert.Equal(["never 2026", "never 2027", "rare 2026", "rare 2027"], convergence.SkippedCells);
        Assert.Null(convergence.NotReachedCells);
    }
}
