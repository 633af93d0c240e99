using FunnelSim.Engine;
using FunnelSim.Ui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defect 9: the global drivers' surrogate fit shows as its own phase, never as a bar frozen short of the end.</summary>
public class DriversPhaseTests
{
    [Fact]
    public void AnOutOfOrderReportDoesNotFreezeTheBarAndTheFitShowsAsItsOwnPhase()
    {
        using var ui = new UiHarness(80, 24);
        ui.Window.Tabs.Value = ui.Window.Drivers.Content;
        ui.Window.Drivers.ComputeDrivers();
        var s = ui.Workbench.Sensitivity;
        Assert.True(s.DriversRunning);

        // Two workers finish their blocks together: the last report to arrive is not the furthest.
        s.ReportDriversProgress(new RunProgress(20_000, 20_000));
        s.ReportDriversProgress(new RunProgress(18_432, 20_000));
        string screen = ui.Screen;

        Assert.True(s.DriversFitting);
        Assert.Contains("Drivers 2/2: fitting the tree surrogate to 20,000 draws", screen);
        Assert.DoesNotContain("18,432", screen);
        s.CancelDrivers();
        ui.Settle();
    }

    [Fact]
    public void WhileSimulatingTheBarSaysStepOne()
    {
        using var ui = new UiHarness(80, 24);
        ui.Window.Tabs.Value = ui.Window.Drivers.Content;
        ui.Window.Drivers.ComputeDrivers();
        var s = ui.Workbench.Sensitivity;

        s.ReportDriversProgress(new RunProgress(2_048, 20_000));

        Assert.False(s.DriversFitting);
        Assert.Contains("Drivers 1/2: simulating", ui.Screen);
        s.CancelDrivers();
        ui.Settle();
    }
}
