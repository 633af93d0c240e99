using FunnelSim.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace FunnelSim.Tests.Ui;

/// <summary>Issue 10 defect 10: no focus traps — a tab's keys work as soon as it shows, and Tab/Shift+Tab stay in the page.</summary>
public class FocusTests
{
    private static void GoTo(UiHarness ui, string title)
    {
        for (int i = 0; i < ui.Window.Pages.Count && ui.Window.Tabs.Value?.Title != title; i++) ui.App.InjectKey(Key.T.WithCtrl);
        Assert.Equal(title, ui.Window.Tabs.Value?.Title);
        ui.Settle();
    }

    [Fact]
    public void DComputesTheDriversRightAfterSwitchingToTheDriversTab()
    {
        using var ui = new UiHarness(120, 40);
        GoTo(ui, "_Drivers");

        ui.App.InjectKey(Key.D);

        Assert.True(ui.Workbench.Sensitivity.DriversRunning || ui.Workbench.Sensitivity.Drivers is not null,
            "D did nothing on the Drivers tab until Tab was pressed");
        ui.Workbench.Sensitivity.CancelDrivers();
        ui.Settle();
    }

    [Fact]
    public void PgDnScrollsTheBudgetTableRightAfterSwitchingToTheBudgetTab()
    {
        using var ui = new UiHarness(80, 24);
        GoTo(ui, "_Budget");
        var table = ui.Window.Pages.OfType<BudgetPage>().Single().Table;
        string? before = table.Value?.ToString();
        int offset = table.RowOffset;

        ui.App.InjectKey(Key.PageDown);

        Assert.True(table.Value?.ToString() != before || table.RowOffset > offset, "PgDn did not reach the budget table");
    }

    [Fact]
    public void PgDnScrollsTheBudgetTableRightAfterAltB()
    {
        using var ui = new UiHarness(80, 24);
        ui.App.InjectKey(Key.B.WithAlt);
        ui.Settle();
        Assert.Equal("_Budget", ui.Window.Tabs.Value?.Title);
        var table = ui.Window.Pages.OfType<BudgetPage>().Single().Table;
        string? before = table.Value?.ToString();
        int offset = table.RowOffset;

        ui.App.InjectKey(Key.PageDown);

        Assert.True(table.Value?.ToString() != before || table.RowOffset > offset, "PgDn did not reach the budget table after Alt+B");
    }

    [Fact]
    public void ShiftTabFromTheOutlineStaysOnTheEditPage()
    {
        using var ui = new UiHarness(120, 40);
        Assert.True(ui.Window.EditPage.Outline.Tree.HasFocus);

        ui.App.InjectKey(Key.Tab.WithShift);

        Assert.Equal("_Edit", ui.Window.Tabs.Value?.Title);
        Assert.False(ui.Window.EditPage.Outline.Tree.HasFocus);
        Assert.True(ui.Window.EditPage.Editor.HasFocus, "Shift+Tab from the outline left the Edit page's fields");
    }

    [Fact]
    public void ArrowsInAPageDoNotSwitchTabs()
    {
        using var ui = new UiHarness(120, 40);
        GoTo(ui, "_Results");

        ui.App.InjectKey(Key.CursorRight);
        ui.App.InjectKey(Key.CursorLeft);
        ui.App.InjectKey(Key.CursorLeft);

        Assert.Equal("_Results", ui.Window.Tabs.Value?.Title);
    }
}
