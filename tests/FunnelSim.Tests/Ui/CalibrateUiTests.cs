using FunnelSim.Compilation;
using FunnelSim.Ui.Calibrating;
using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 16 in the terminal UI: observed counts typed or loaded, checked by the core, then the calibration's table.</summary>
public class CalibrateUiTests
{
    private static CompiledModel BaseModel(UiHarness ui) => ModelCompiler.Compile(ui.Workbench.Document.Scenario!);

    [Fact]
    public void TypedRowsAreReadByTheCoreWithMessagesAtTheirRow()
    {
        using var ui = new UiHarness();
        var model = BaseModel(ui);
        var rows = new List<ObservedRow>
        {
            new("nsclc", "2026", "treatedNew", "41"),
            new(),
            new("pdac", "20x6", "treatedNew", "9"),
            new("cca", "2026", "treatedNew", "4", "0.5"),
        };

        var read = ObservedRows.Validate(rows, model);

        Assert.False(read.IsValid);
        var year = Assert.Single(read.Diagnostics, d => d.Path == "observations[1].year");
        Assert.Equal(2, ObservedRows.RowOf(rows, year));
        Assert.Equal("year: must be a number", ObservedRows.Describe(year));

        rows[2] = rows[2] with { Year = "2026" };
        rows[3] = rows[3] with { Fraction = "" };
        read = ObservedRows.Validate(rows, model);
        Assert.True(read.IsValid, string.Join("; ", read.Diagnostics));
        Assert.Equal(3, read.Observations!.Count);
        Assert.Equal(41, read.Observations[0].Value);
    }

    [Fact]
    public void TheObservedCountsDialogMarksABadRowAddsRowsLoadsAFileAndHandsBackTheCounts()
    {
        using var ui = new UiHarness();
        var model = BaseModel(ui);
        string file = CliHarness.Scenario(Path.Combine("observed", "illustrative-2026.json"));
        using var dialog = new ObservedCountsDialog(model, [], () => file);
        var session = ui.App.Begin(dialog);

        var cells = dialog.CellsOf(0);
        cells[0].Text = "nsclc";
        cells[1].Text = "2040";
        cells[2].Text = "treatedNew";
        cells[3].Text = "41";
        string screen = ui.Screen;
        Assert.Contains("1 !", screen);
        Assert.Contains("row 1 · year: must be a year of the scenario's horizon", screen);

        dialog.Submit();
        Assert.Null(dialog.Counts);
        Assert.Contains("Not calibrated", ui.Screen);

        cells[1].Text = "2026";
        dialog.AddRow();
        var second = dialog.CellsOf(1);
        second[0].Text = "pdac";
        second[1].Text = "2026";
        second[3].Text = "9";
        second[2].Text = "treatedNw";
        Assert.Contains("row 2 · metric: unknown metric 'treatedNw'; did you mean 'treatedNew'?", ui.Screen);
        second[2].Text = "treatedNew";
        Assert.Contains("2 observation(s), all read", ui.Screen);

        dialog.Submit();
        Assert.NotNull(dialog.Counts);
        Assert.Equal(2, dialog.Counts!.Observations.Count);
        Assert.Equal(ObservedCountsDialog.TypedLabel, dialog.Counts.Label);

        dialog.LoadFile();
        Assert.Equal(4, dialog.Rows.Count);
        Assert.Contains("illustrative-2026.json", ui.Screen);
        dialog.Submit();
        Assert.Equal("illustrative-2026.json", dialog.Counts!.Label);
        ui.App.End(session!);
    }

    [Fact]
    public void CalibrateRunsOnTheTypedCountsAndShowsThePriorAgainstThePosterior()
    {
        using var ui = new UiHarness();
        var dialogs = new ScriptedDialogs();
        ui.Window.Dialogs = dialogs;
        ui.Window.CalibrationDraws = 300;
        dialogs.Observations((model, rows) =>
        {
            var typed = new List<ObservedRow> { new("nsclc", "2026", "treatedNew", "41"), new("pdac", "2026", "treatedNew", "9") };
            var read = ObservedRows.Validate(typed, model);
            Assert.True(read.IsValid, string.Join("; ", read.Diagnostics));
            rows.AddRange(typed);
            return new ObservedInput(read.Observations!, ObservedCountsDialog.TypedLabel);
        }).Answer("Close");

        string? table = null;
        bool sawProgress = false;
        using (ui.Modal(top =>
        {
            if (top is RunDialog) sawProgress = true;
            if (top is not Dialog d || !d.Title.StartsWith("Calibration: prior and posterior", StringComparison.Ordinal)) return;
            ui.App.LayoutAndDraw();
            table = ui.Drawn;
            d.RequestStop();
        }))
        {
            ui.Window.Calibrate();
        }

        Assert.Empty(ui.ModalFailures);
        Assert.True(sawProgress, "no progress dialog was shown");
        Assert.NotNull(table);
        Assert.Contains("Calibration of", table);
        Assert.Contains("posterior", table);
        Assert.Contains("prior", table);
        Assert.Contains("nsclc treatedNew 2026", table);
        Assert.Contains($"Calibrated to {ObservedCountsDialog.TypedLabel}", ui.Window.Message);
        Assert.Equal("Calibration", dialogs.Asked[^1].Title);
    }
}
