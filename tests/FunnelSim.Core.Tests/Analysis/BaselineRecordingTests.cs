using System.Text.RegularExpressions;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>A kept baseline is replayed, not simulated again, and the comparison is the same as a fresh one.</summary>
public sealed class BaselineRecordingTests
{
    private static Scenario BaseCase(SamplingMethod sampling)
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        return scenario with { Simulation = new SimulationSettings(500, 7, sampling) };
    }

    /// <summary>B: the first indication takes the second's prevalence, so the difference is not zero.</summary>
    private static Scenario Changed(Scenario a) =>
        a with { Indications = a.Indications.SetItem(0, a.Indications[0] with { Prevalence = a.Indications[1].Prevalence }) };

    private static string Json(ComparisonResult comparison) =>
        Regex.Replace(ComparisonJson.Write(comparison), "\"elapsedSeconds\": [^,}\\n]+", "\"elapsedSeconds\": 0");

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo, 1)]
    [InlineData(SamplingMethod.LatinHypercube, 2)]
    public void AReplayedBaselineGivesTheSameComparisonAsAFreshOne(SamplingMethod sampling, int threads)
    {
        var a = ModelCompiler.Compile(BaseCase(sampling));
        var b = ModelCompiler.Compile(Changed(BaseCase(sampling)));
        var options = new RunOptions(500, 7, threads);
        string fresh = Json(ScenarioComparison.Run(a, b, options));
        var recording = BaselineRecording.TryCreate(a, options)!;

        string recorded = Json(ScenarioComparison.Run(recording, b, options));
        Assert.True(recording.IsComplete);
        string replayed = Json(ScenarioComparison.Run(recording, b, new RunOptions(500, 7, 3 - threads)));

        Assert.Equal(fresh, recorded);
        Assert.Equal(fresh, replayed);
        Assert.Contains("\"costWith\"", fresh);
    }

    [Fact]
    public void AReplayReadsTheRecordingInsteadOfSimulatingTheBaseline()
    {
        var a = ModelCompiler.Compile(BaseCase(SamplingMethod.MonteCarlo));
        var options = new RunOptions(500, 7, 1);
        var recording = BaselineRecording.TryCreate(a, options)!;
        ScenarioComparison.Run(recording, a, options);
        // Zero what was recorded: a replay that simulated A would still see A's real counts.
        var zeros = new long[a.CellCount];
        var noMoney = new long[a.Budget!.CellCount];
        for (long k = 0; k < 500; k++) recording.Store(k, zeros, noMoney);

        var replay = ScenarioComparison.Run(recording, a, options);

        var identified = replay.Total.Years[0].Metrics[MetricNames.Identified];
        Assert.Equal(0, identified.A.Mean);
        Assert.True(identified.B.Mean > 0);
    }

    [Fact]
    public void ARecordingBeyondItsByteBudgetIsNotMadeAndOneOfOtherSettingsIsRefused()
    {
        var a = ModelCompiler.Compile(BaseCase(SamplingMethod.MonteCarlo));
        var options = new RunOptions(500, 7, 1);

        Assert.Null(BaselineRecording.TryCreate(a, options, maxBytes: BaselineRecording.BytesFor(a, 500) - 1));
        var recording = BaselineRecording.TryCreate(a, options, maxBytes: BaselineRecording.BytesFor(a, 500))!;
        Assert.Equal(BaselineRecording.BytesFor(a, 500), recording.Bytes);
        Assert.Throws<ArgumentException>(() => ScenarioComparison.Run(recording, a, new RunOptions(500, 8, 1)));
        Assert.Throws<ArgumentException>(() => ScenarioComparison.Run(recording, a, new RunOptions(400, 7, 1)));
    }

    [Fact]
    public void ACancelledRecordingIsNotReplayed()
    {
        var a = ModelCompiler.Compile(BaseCase(SamplingMethod.MonteCarlo));
        var options = new RunOptions(500, 7, 1);
        var recording = BaselineRecording.TryCreate(a, options)!;
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ScenarioComparison.Run(recording, a, options, cancellationToken: cancel.Token));

        Assert.False(recording.IsComplete);
    }
}
