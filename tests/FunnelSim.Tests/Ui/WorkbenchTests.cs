using System.Collections.Concurrent;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Ui;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Tests.Ui;

public class WorkbenchTests
{
    private static (Workbench Workbench, Action Settle) Create()
    {
        var posted = new ConcurrentQueue<Action>();
        var workbench = new Workbench(ScenarioDocument.BaseCase(), posted.Enqueue);
        return (workbench, () =>
        {
            BackgroundWork.WaitAll(("the what-if run", workbench.QuickRunTask));
            while (posted.TryDequeue(out var a)) a();
        });
    }

    private static double Treated(Workbench w, string indication, int year) =>
        w.Quick!.Result.YearsOf(indication)![year].Metrics[MetricNames.TreatedNew].Mean;

    [Fact]
    public void RaisingPdacUptakeMovesOnlyPdacBecauseRunsShareRandomNumbers()
    {
        var (w, settle) = Create();
        using var owned = w;
        w.StartQuickRun();
        settle();
        double pdacBefore = Treated(w, "pdac", 0), nsclcBefore = Treated(w, "nsclc", 0);

        var node = ScenarioOutline.Build(w.Document).SelectMany(n => n.SelfAndDescendants()).Single(n => n.Path == "indications[1].testing.uptake");
        var editor = new FieldEditor(w.Document, node);
        Assert.Null(editor.SetText(editor.Fields().Single(f => f.Key == "value"), "0.58", out _));
        w.StartQuickRun();
        settle();

        Assert.True(Treated(w, "pdac", 0) > pdacBefore, $"{Treated(w, "pdac", 0)} vs {pdacBefore}");
        Assert.Equal(nsclcBefore, Treated(w, "nsclc", 0));
        Assert.Equal(Workbench.QuickIterations, w.Quick!.Result.Run.Iterations);
    }

    [Fact]
    public void AnErrorBlocksTheRunAndIsReportedAtTheEditedPathInTheCommandLinesWords()
    {
        var (w, settle) = Create();
        using var owned = w;
        var node = new OutlineNode("Sensitivity", "indications[1].testing.modalities[0].sensitivity", OutlineKind.Parameter, []);
        var editor = new FieldEditor(w.Document, node);
        editor.SetText(editor.Fields().Single(f => f.Key == "value"), "1.5", out _);

        var error = Assert.Single(w.Document.Validation.Errors);
        Assert.Equal("indications[1].testing.modalities[0].sensitivity.value", error.Path);
        var cli = FunnelSim.Compilation.ScenarioLoader.Read(w.Document.ToJson());
        Assert.Equal(cli.Errors.Single().Message, error.Message);
        w.StartQuickRun();
        settle();
        Assert.Null(w.Quick);
        Assert.Contains("1 error", w.QuickError);
    }

    [Fact]
    public void TextThatIsNotANumberIsAnErrorAtItsPathAndNeverWritten()
    {
        var document = ScenarioDocument.BaseCase();
        var node = new OutlineNode("Settings", "", OutlineKind.Settings, []);
        var editor = new FieldEditor(document, node);
        var years = editor.Fields().Single(f => f.Key == "years");

        Assert.Equal("'five' is not a number", editor.SetText(years, "five", out _));
        Assert.Equal("five", editor.GetText(years));
        Assert.Equal(5, System.Text.Json.Nodes.JsonNode.Parse(document.ToJson())!["years"]!.GetValue<int>());
        Assert.True(document.IsDirty);
        var error = Assert.Single(document.Validation.Errors);
        Assert.Equal(("years", "'five' is not a number"), (error.Path, error.Message));
        Assert.Null(document.Scenario);
        Assert.Null(editor.SetText(years, "7", out _));
        Assert.Equal(7, document.Scenario!.Years);
    }

    [Fact]
    public void PinningThenEditingGivesAPairedDifferenceOnlyWhereTheEditActs()
    {
        var (w, settle) = Create();
        using var owned = w;
        Assert.True(w.Pin());
        settle();
        var unchanged = w.Quick!.Comparison!.Indications.Single(i => i.Id == "pdac").Years[0].Metrics[MetricNames.TreatedNew];
        Assert.Equal(0, unchanged.Difference.Mean);
        Assert.Equal(0, unchanged.Difference.Sd);

        var step = new OutlineNode("payer", "indications[1].postDetectionSteps[1]", OutlineKind.Step, []);
        var editor = new FieldEditor(w.Document, step);
        editor.SetText(editor.Fields().First(f => f.Key == "shape"), "fixed number", out bool reshaped);
        Assert.True(reshaped);
        Assert.Null(editor.SetText(editor.Fields().First(f => f.Key == "value"), "0.5", out _));
        Assert.True(w.Document.Validation.IsValid);
        w.StartQuickRun();
        settle();

        var pdac = w.Quick!.Comparison!.Indications.Single(i => i.Id == "pdac").Years[^1];
        Assert.True(pdac.Metrics[MetricNames.TreatedNew].Difference.Mean < 0);
        Assert.Equal(0, pdac.Metrics[MetricNames.Identified].Difference.Sd);
        Assert.Equal(0, w.Quick.Comparison.Indications.Single(i => i.Id == "nsclc").Years[^1].Metrics[MetricNames.TreatedNew].Difference.Mean);
        var table = CompareTable.Build(w.Quick.Comparison, "pdac", pdac.Year);
        Assert.Equal(["Metric", "Baseline", "Current", "Difference", "90% interval", "P(higher)"], table.Headers);
        Assert.StartsWith("−", table.Rows.Single(r => r[0] == "New starts")[3]);
    }

    [Fact]
    public async Task AFullRunReportsProgressAndCanBeCancelled()
    {
        var (w, settle) = Create();
        using var owned = w;
        var reports = new ConcurrentBag<FunnelSim.Engine.RunProgress>();
        var runTask = w.RunFullAsync(new Reporter(reports.Add), CancellationToken.None);
        while (!runTask.IsCompleted) { settle(); await Task.Delay(5); }
        var outcome = await runTask;
        Assert.False(outcome.Quick);
        Assert.Equal(20_000, outcome.Result.Run.Iterations);
        Assert.Contains(reports, r => r.Done == r.Total);
        Assert.Same(outcome, w.Full);

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w.RunFullAsync(null, cancel.Token));
    }

    private sealed class Reporter(Action<FunnelSim.Engine.RunProgress> report) : IProgress<FunnelSim.Engine.RunProgress>
    {
        public void Report(FunnelSim.Engine.RunProgress value) => report(value);
    }
}
