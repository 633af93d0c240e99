using FunnelSim.Formatting;
using System.Text.Json.Nodes;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace FunnelSim.Tests.Ui;

/// <summary>The drivers tab rendered headless: the tornado of the selected output, and the global drivers on request.</summary>
public class DriversPageTests
{
    private static UiHarness OnDriversTab(int width, int height, int iterations = 20_000)
    {
        var document = ScenarioDocument.BaseCase();
        if (iterations != 20_000) document.Set("simulation.iterations", JsonValue.Create(iterations));
        var ui = new UiHarness(width, height, document);
        ui.Workbench.StartQuickRun();
        ui.Settle();
        ui.Window.Tabs.Value = ui.Window.Drivers.Content;
        ui.Window.Drivers.Content.SetFocus();
        ui.Settle();
        return ui;
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void TheTornadoDrawsTheWidestInputFirstWithItsEndsAroundTheBase(int width, int height)
    {
        using var ui = OnDriversTab(width, height);
        var scenario = ui.Workbench.Document.Scenario!;
        var expected = TornadoAnalysis.Run(ModelCompiler.Compile(scenario), new OutputSelection("treatedNew", "nsclc", scenario.StartYear), new TornadoOptions());
        var top = expected.Bars[0];
        string[] lines = ui.Screen.Split('\n');

        Assert.Contains(lines, l => l.Contains($"Tornado: New starts · NSCLC · {scenario.StartYear} — base {HumanNumber.Count(expected.BaseOutput)}"));
        int row = Array.FindIndex(lines, l => l.Contains("NRG1 fusion prevalence"));
        Assert.Equal("indications[0].prevalence", top.Input.Path);
        Assert.True(row > 0, "the widest input's label is on screen");
        string bar = lines[row];
        Assert.Contains("░", bar);
        Assert.Contains("█", bar);
        Assert.Contains("│", bar[2..^2]);
        Assert.Contains($"{HumanNumber.Count(top.OutputAtLow)} → {HumanNumber.Count(top.OutputAtHigh)}", bar);
        // The bars below are no wider: the second bar's row comes next and is shorter in ░ plus █.
        int Cells(string line) => line.Count(c => c is '░' or '█');
        Assert.True(Cells(lines[row + 1]) <= Cells(bar));
        Assert.Contains("D global drivers", ui.Screen);
    }

    [Fact]
    public void TheSelectionChangesTheTornado()
    {
        using var ui = OnDriversTab(120, 40);
        ui.App.InjectKey(Key.F4);      // treated → on treatment
        ui.App.InjectKey(Key.F3);      // NSCLC → PDAC
        ui.App.InjectKey(Key.F7);      // first year → the next
        ui.Settle();
        int year = ui.Workbench.Document.Scenario!.StartYear + 1;

        Assert.True(ui.Screen.Contains($"Tornado: On treatment · PDAC · {year}"), ui.Screen);
        Assert.Equal(new OutputSelection(MetricNames.OnTreatment, "pdac", year), ui.Workbench.Sensitivity.Tornado!.Output);
    }

    [Fact]
    public void DPressedComputesTheGlobalDriversTableWithTheSurrogatesVerdict()
    {
        using var ui = OnDriversTab(80, 24, iterations: 300);
        Assert.Contains("Press D for the global drivers", ui.Screen);

        ui.App.InjectKey(Key.D);
        Assert.True(ui.Workbench.Sensitivity.DriversRunning);
        ui.Settle();
        string screen = ui.Screen;

        var drivers = ui.Workbench.Sensitivity.Drivers!;
        Assert.Equal(300, drivers.Run.Draws);
        Assert.Contains("Global drivers: New starts · NSCLC", screen);
        Assert.Contains($"Surrogate R² {drivers.Surrogate!.RSquared.ToString("0.000", HumanNumber.Culture)}", screen);
        Assert.Contains("Spearman    SRC   var share", screen);
        Assert.Matches(@"\n│ +1 +[+-]\d\.\d{3} +[+-]\d\.\d\d +\d\.\d{3}  \S", screen);
        Assert.Contains("Global drivers of New starts", ui.Window.Message);
    }

    [Fact]
    public void EscCancelsTheDriversAndDoesNotQuit()
    {
        using var ui = OnDriversTab(120, 40);
        ui.App.InjectKey(Key.D);
        Assert.True(ui.Workbench.Sensitivity.DriversRunning);
        ui.App.InjectKey(Key.Esc);
        ui.Settle();

        Assert.False(ui.Workbench.Sensitivity.DriversRunning);
        Assert.Null(ui.Workbench.Sensitivity.Drivers);
        Assert.Contains("Drivers cancelled", ui.Screen);
        Assert.True(ui.Window.IsRunning);
    }

    [Fact]
    public void AnInvalidScenarioIsSaidInPlainText()
    {
        using var ui = OnDriversTab(80, 24);
        ui.Workbench.Document.Set("indications[1].testing.uptake.value", JsonValue.Create(2.0));
        ui.Workbench.StartQuickRun();
        ui.Settle();
        ui.App.InjectKey(Key.D);
        ui.Settle();

        Assert.Contains("The scenario has 1 error(s): fix them to see what drives it", ui.Screen);
        Assert.Null(ui.Workbench.Sensitivity.Tornado);
        Assert.False(ui.Workbench.Sensitivity.DriversRunning);
    }
}
