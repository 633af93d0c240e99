using FunnelSim.Ui.Views;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;

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

    public static TheoryData<string> TabTitles => ["_Edit", "_Results", "_Funnel", "_Treated", "_Histogram", "_Drivers", "_Compare", "_Budget"];

    private static Key AltKeyOf(string title) => new Key((KeyCode)char.ToUpperInvariant(title[1])).WithAlt;

    /// <summary>The view that has the keys: never the tab's title in the tab bar (a TitleView in the tab's border).</summary>
    private static void AssertTheFocusIsInThePage(UiHarness ui, IResultsPage page, string how)
    {
        var focused = ui.Window.MostFocused;
        Assert.NotNull(focused);
        Assert.IsNotType<TitleView>(focused);
        var view = focused;
        while (view is not null && view != page.Content) view = view.SuperView;
        Assert.True(view == page.Content, $"after {how} the focus is on {focused!.GetType().Name} '{focused.Title}', not in the {page.Title} page");
    }

    [Theory]
    [MemberData(nameof(TabTitles))]
    public void AltLetterPutsTheFocusInThePageAndArrowsStayThere(string title)
    {
        using var ui = new UiHarness(120, 40);
        var page = ui.Window.Pages.Single(p => p.Title == title);
        ui.App.InjectKey(title == "_Results" ? Key.B.WithAlt : Key.R.WithAlt);
        ui.Settle();

        ui.App.InjectKey(AltKeyOf(title));
        ui.Settle();

        Assert.Equal(title, ui.Window.Tabs.Value?.Title);
        AssertTheFocusIsInThePage(ui, page, $"Alt+{title[1]}");
        ui.App.InjectKey(Key.CursorRight);
        ui.App.InjectKey(Key.CursorLeft);
        ui.App.InjectKey(Key.CursorLeft);
        Assert.Equal(title, ui.Window.Tabs.Value?.Title);
    }

    [Theory]
    [MemberData(nameof(TabTitles))]
    public void CtrlTPutsTheFocusInThePage(string title)
    {
        using var ui = new UiHarness(80, 24);
        ui.App.InjectKey(Key.B.WithAlt);       // from the last tab, Ctrl+T goes round to the first
        ui.Settle();
        GoTo(ui, title);

        AssertTheFocusIsInThePage(ui, ui.Window.Pages.Single(p => p.Title == title), "Ctrl+T");
    }

    [Fact]
    public void AfterAltEDownMovesInTheOutlineAndShiftTabGoesToTheFields()
    {
        using var ui = new UiHarness(120, 40);
        var outline = ui.Window.EditPage.Outline;
        string? first = outline.Selected?.Path;
        ui.App.InjectKey(Key.R.WithAlt);
        ui.Settle();
        ui.App.InjectKey(Key.E.WithAlt);
        ui.Settle();
        Assert.Equal("_Edit", ui.Window.Tabs.Value?.Title);

        ui.App.InjectKey(Key.CursorDown);

        Assert.True(outline.Tree.HasFocus, "after Alt+E the outline does not have the focus");
        Assert.NotEqual(first, outline.Selected?.Path);
        ui.App.InjectKey(Key.CursorRight);
        ui.App.InjectKey(Key.CursorLeft);
        Assert.Equal("_Edit", ui.Window.Tabs.Value?.Title);

        ui.App.InjectKey(Key.Tab.WithShift);

        Assert.Equal("_Edit", ui.Window.Tabs.Value?.Title);
        Assert.True(ui.Window.EditPage.Editor.HasFocus, "Shift+Tab from the outline did not go to the fields");
    }

    [Fact]
    public void TabAndShiftTabOnAResultsPageStayOnIt()
    {
        using var ui = new UiHarness(120, 40);
        ui.App.InjectKey(Key.R.WithAlt);
        ui.Settle();

        ui.App.InjectKey(Key.Tab);
        Assert.Equal("_Results", ui.Window.Tabs.Value?.Title);
        ui.App.InjectKey(Key.Tab.WithShift);
        Assert.Equal("_Results", ui.Window.Tabs.Value?.Title);
        AssertTheFocusIsInThePage(ui, ui.Window.Pages[1], "Tab and Shift+Tab");
    }

    [Fact]
    public void TabFromTheLastFieldComesBackToTheOutline()
    {
        using var ui = new UiHarness(120, 40);
        var page = ui.EditAt("indications[0].incidence");
        ui.Settle();
        string last = page.Editor.Editor!.Fields()[^1].Key;
        Assert.True(page.Editor.FocusField(last));

        ui.App.InjectKey(Key.Tab);

        Assert.Equal("_Edit", ui.Window.Tabs.Value?.Title);
        Assert.True(page.Outline.Tree.HasFocus, "Tab from the last field left the Edit page");
    }
    [Fact]
    public void CtrlNWorksOnATableTabAndCtrlEInATextField()
    {
        using var ui = new UiHarness(120, 40);
        var dialogs = new ScriptedDialogs();
        ui.Window.Dialogs = dialogs;
        ui.App.InjectKey(Key.B.WithAlt);
        ui.Settle();
        Assert.True(ui.Window.Pages.OfType<BudgetPage>().Single().Table.HasFocus);

        ui.App.InjectKey(Key.N.WithCtrl);
        ui.Settle();

        Assert.StartsWith("New scenario", ui.Window.Message);

        var page = ui.EditAt("indications[0].incidence");
        ui.Window.Tabs.Value = page.Content;
        Assert.True(page.Editor.FocusField("value"));
        dialogs.Path(null);

        ui.App.InjectKey(Key.E.WithCtrl);

        Assert.Contains(dialogs.Asked, a => a.Title.StartsWith("Export", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("_Histogram")]
    [InlineData("_Drivers")]
    [InlineData("_Results")]
    public void APlainLetterDoesNotChangeTheTab(string title)
    {
        using var ui = new UiHarness(120, 40);
        ui.App.InjectKey(AltKeyOf(title));
        ui.Settle();
        Assert.Equal(title, ui.Window.Tabs.Value?.Title);

        foreach (var letter in new[] { Key.R, Key.E, Key.C, Key.T, Key.B })
            ui.App.InjectKey(letter);

        Assert.Equal(title, ui.Window.Tabs.Value?.Title);
    }
}
