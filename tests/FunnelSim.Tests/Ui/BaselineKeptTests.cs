using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FunnelSim.Analysis;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Ui;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Running;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defect 4: the pinned baseline's results are kept; F5 does not run it again while it and the run settings are unchanged.</summary>
public class BaselineKeptTests
{
    private static (Workbench Workbench, Action Settle) Create()
    {
        var posted = new ConcurrentQueue<Action>();
        var document = ScenarioDocument.BaseCase();
        document.Set("simulation.iterations", JsonValue.Create(2_000));
        var workbench = new Workbench(document, posted.Enqueue);
        return (workbench, () =>
        {
            BackgroundWork.WaitAll(("the what-if run", workbench.QuickRunTask));
            while (posted.TryDequeue(out var a)) a();
        });
    }

    private static async Task<WhatIf> RunFull(Workbench w, Action settle)
    {
        var run = w.RunFullAsync(null, CancellationToken.None);
        while (!run.IsCompleted) { settle(); await Task.Delay(5); }
        return await run;
    }

    [Fact]
    public async Task ASecondFullRunReplaysTheUnchangedBaselineAndGivesTheSameComparison()
    {
        var (w, settle) = Create();
        using var owned = w;
        Assert.True(w.Pin());
        settle();
        var baseline = w.Baseline!.Scenario;

        var first = await RunFull(w, settle);
        RaisePdacUptake(w);
        var second = await RunFull(w, settle);

        Assert.False(first.BaselineReplayed);
        Assert.True(second.BaselineReplayed, "the second F5 simulated the unchanged baseline again");
        var fresh = ScenarioComparison.Run(baseline, w.Document.Scenario!, new RunOptions(2_000, w.Document.Scenario!.Simulation.Seed));
        var expected = fresh.Indications.Single(i => i.Id == "pdac").Years[^1].Metrics[MetricNames.TreatedNew];
        var actual = second.Comparison!.Indications.Single(i => i.Id == "pdac").Years[^1].Metrics[MetricNames.TreatedNew];
        Assert.Equal(expected.Difference, actual.Difference);
        Assert.Equal(expected.A.Mean, actual.A.Mean);
        // The first year shows the raised uptake (by 2030 both ramps have reached the same target).
        Assert.True(second.Comparison!.Indications.Single(i => i.Id == "pdac").Years[0].Metrics[MetricNames.TreatedNew].Difference.Mean > 0);
    }

    [Fact]
    public async Task OtherRunSettingsOrANewPinRunTheBaselineAgain()
    {
        var (w, settle) = Create();
        using var owned = w;
        Assert.True(w.Pin());
        settle();
        await RunFull(w, settle);

        w.Document.Set("simulation.seed", JsonValue.Create(99));
        var otherSeed = await RunFull(w, settle);
        var sameAgain = await RunFull(w, settle);
        w.Unpin();
        Assert.True(w.Pin());
        settle();
        var newPin = await RunFull(w, settle);

        Assert.False(otherSeed.BaselineReplayed);
        Assert.True(sameAgain.BaselineReplayed);
        Assert.False(newPin.BaselineReplayed);
    }

    [Fact]
    public void TheLiveWhatIfReplaysTheBaselineToo()
    {
        var (w, settle) = Create();
        using var owned = w;
        Assert.True(w.Pin());
        settle();
        Assert.False(w.Quick!.BaselineReplayed);

        RaisePdacUptake(w);
        w.StartQuickRun();
        settle();

        Assert.True(w.Quick!.BaselineReplayed);
        Assert.True(w.Quick.Comparison!.Indications.Single(i => i.Id == "pdac").Years[0].Metrics[MetricNames.TreatedNew].Difference.Mean > 0);
    }

    /// <summary>PDAC uptake 0.45 (0.30–0.60) to 0.6 (0.45–0.75): written by hand, the range moves only when written too.</summary>
    private static void RaisePdacUptake(Workbench w)
    {
        w.Document.Set("indications[1].testing.uptake.low", JsonValue.Create(0.45));
        w.Document.Set("indications[1].testing.uptake.high", JsonValue.Create(0.75));
        w.Document.Set("indications[1].testing.uptake.value", JsonValue.Create(0.6));
    }
}
