using System.Text.Json.Nodes;
using FunnelSim.Results;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defect 11: the smaller things an analyst tripped over, each read from what is drawn.</summary>
public class SmallerDefectsTests
{
    private const string Prescribed = "indications[1].postDetectionSteps[0]";

    [Fact]
    public void TheHistogramsMedianLabelSitsAtTheMedianNotAtTheAxisCentre()
    {
        // Skewed: the median (10) is a tenth of the way along an axis from 0 to 100.
        var skewed = new MetricSummary(20, 20, 0.1, 1, 2, 5, 10, 20, 50, 70, 0, 100);
        var lines = PercentileHistogram.Lines("t", skewed, 60, 4);
        string axis = lines.Single(l => l.StartsWith('─') || l.Contains('┴'));
        string labels = lines[lines.ToList().IndexOf(axis) + 1];

        int medianColumn = axis.IndexOf('┴');
        Assert.Equal(6, medianColumn);
        int label = labels.IndexOf("median 10", StringComparison.Ordinal);
        Assert.InRange(label, 0, 12);
        Assert.StartsWith("0", labels);
        Assert.EndsWith("100", labels);

        // Near the right end the label stays clear of the maximum.
        var right = new MetricSummary(90, 5, 0.1, 80, 85, 88, 95, 97, 98, 99, 0, 100);
        string far = PercentileHistogram.Lines("t", right, 60, 4)[^2];
        Assert.EndsWith("100", far);
        Assert.InRange(far.IndexOf("median 95", StringComparison.Ordinal), 40, 60 - 4 - "median 95".Length);
    }

    [Fact]
    public void LongFunnelStepNamesAreWholeWhenThereIsRoomAndCutWithAnEllipsisWhenNot()
    {
        using var ui = new UiHarness();
        const string name = "Prescribed by the treating oncologist after tumour board";
        ui.Workbench.Document.Set($"{Prescribed}.name", JsonValue.Create(name));
        ui.Workbench.StartQuickRun();
        ui.Settle();
        var result = ui.Workbench.Latest!.Result;
        var selection = new ResultSelection();
        selection.Fit(result);
        for (int i = 0; i < 5 && selection.Indication != "pdac"; i++) selection.NextIndication(result, +1);
        Assert.Equal("pdac", selection.Indication);

        var wide = FunnelChart.Lines(result, selection, 119);
        Assert.Contains(wide, l => l.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.All(wide, l => Assert.True(l.Length <= 119, l));

        var narrow = FunnelChart.Lines(result, selection, 60);
        Assert.Contains(narrow, l => l.StartsWith("Prescribed by", StringComparison.Ordinal) && l.Contains('…'));
        Assert.All(narrow.Skip(2), l => Assert.True(l.Length <= 60, l));
        // Short names are never cut.
        Assert.Contains(narrow, l => l.StartsWith("NRG1 fusion-positive ", StringComparison.Ordinal));
    }

    [Fact]
    public void OneCtrlZUndoesAWholeF2Rename()
    {
        using var ui = new UiHarness();
        var page = ui.EditAt(Prescribed);
        ui.Settle();
        string before = ui.Workbench.Document.Text($"{Prescribed}.id")!;

        ui.App.InjectKey(Key.F2);
        Assert.True(page.Editor.InputOf("id")!.HasFocus);
        var id = Assert.IsType<TextField>(page.Editor.InputOf("id"));
        id.Text = "";
        foreach (var key in new[] { Key.R, Key.X, Key.D1 }) ui.App.InjectKey(key);
        Assert.Equal("rx1", ui.Workbench.Document.Text($"{Prescribed}.id"));

        ui.App.InjectKey(Key.Z.WithCtrl);

        Assert.Equal(before, ui.Workbench.Document.Text($"{Prescribed}.id"));
    }

    [Fact]
    public void TheRecentFilesListInOpenShowsSeveralRows()
    {
        using var ui = new UiHarness(80, 24);
        var recent = Enumerable.Range(1, 5).Select(i => $"/data/scenarios/plan-{i}.json").ToList();
        using var prompt = new PathPrompt("Open scenario", "Scenario file (JSON):", "", recent, forOpening: true);
        var session = ui.App.Begin(prompt.Dialog);
        string screen = ui.Screen;

        foreach (string file in recent) Assert.Contains(file, screen);
        ui.App.End(session!);
    }

    [Fact]
    public void ASourceFieldShowsTheStartOfTheCitation()
    {
        using var ui = new UiHarness();
        var page = ui.EditAt("indications[0].incidence");
        ui.Settle();

        string source = ui.Workbench.Document.Text("indications[0].incidence.source")!;
        Assert.StartsWith("ACS 2026", source);
        Assert.Contains("Source", ui.Screen);
        Assert.Contains(source[..20], ui.Screen);
    }

    [Fact]
    public void IdenticalRowsSaySoInsteadOfZeroDifferences()
    {
        using var ui = new UiHarness(120, 40, FunnelSim.Ui.Editing.ScenarioDocument.FromJson(
            File.ReadAllText(CliHarness.Scenario("payer-commercial-1m.json")), null));
        Assert.True(ui.Workbench.Pin());
        ui.Workbench.StartQuickRun();
        ui.Settle();
        Assert.NotNull(ui.Workbench.Quick!.Comparison);

        string screen = ui.Screen;
        Assert.Contains("(same)", screen);
        Assert.DoesNotContain("(0)", screen);
        Assert.DoesNotContain("(−0", screen);
        Assert.DoesNotContain("(±", screen);

        ui.Window.Tabs.Value = ui.Window.Pages.Single(p => p is ComparePage).Content;
        string compare = ui.Screen;
        Assert.Contains("same in every iteration", compare);
        Assert.DoesNotContain(" 0%", compare);
        Assert.DoesNotContain("−0 ", compare);
    }

    [Fact]
    public void NoTwoViewsShareAHotKey()
    {
        using var ui = new UiHarness();
        // Every hot key of the window: the tabs' titles (the tab bar draws them), the menus, the outline and the editor.
        var titled = ui.Window.Pages.Select(p => ($"tab '{p.Title}'", p.Title))
            .Concat(Walk(ui.Window).Where(v => v.Visible && !ui.Window.Pages.Any(p => ReferenceEquals(p.Content, v)))
                .Select(v => ($"{v.GetType().Name} '{v.Title}'", v.Title)));
        var seen = new Dictionary<char, string>();
        var duplicates = new List<string>();
        foreach (var (name, title) in titled.Distinct())
        {
            int at = title.IndexOf('_', StringComparison.Ordinal);
            if (at < 0 || at + 1 >= title.Length) continue;
            char key = char.ToUpperInvariant(title[at + 1]);
            if (seen.TryGetValue(key, out string? other)) duplicates.Add($"Alt+{key}: {other} and {name}");
            else seen[key] = name;
        }
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates));
        Assert.True(seen.Count >= 12, "hot keys seen: " + string.Join(", ", seen.Select(p => $"{p.Key}={p.Value}")));
    }

    private static IEnumerable<View> Walk(View view) => view.SubViews.SelectMany(Walk).Prepend(view);
}
