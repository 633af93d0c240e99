using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Files;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The application window: menu, tabs (edit, results table, funnel, treated, histogram, drivers, compare), a message line and
/// the status bar of keys. It only wires views to the <see cref="Workbench"/>; it computes nothing itself.
/// </summary>
internal sealed partial class MainWindow : Runnable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly Workbench _workbench;
    private readonly RecentFiles _recent;
    private readonly ResultSelection _selection = new();
    private readonly Label _message = new() { X = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Shortcut _tabKey;
    private readonly (Key Key, Action Action)[] _hiddenKeys;
    private object? _pendingQuickRun;

    public MainWindow(Workbench workbench, RecentFiles recent)
    {
        _workbench = workbench;
        _recent = recent;
        Width = Dim.Fill();
        Height = Dim.Fill();
        EditPage = new EditPage();
        Histogram = new HistogramPage();
        Drivers = new DriversPage();
        Pages = [EditPage, new ResultsTablePage(), new FunnelChartPage(), new TreatedChartPage(), Histogram, Drivers, new ComparePage(), new BudgetPage()];

        _tabKey = Global(Key.T.WithCtrl, "Tab", () => NextTab(+1));
        var menu = CreateMenu();
        var status = CreateStatusBar();
        Tabs = new Tabs { X = 0, Y = Pos.Bottom(menu), Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => status.Frame.Height + 1)) };
        foreach (var page in Pages) Tabs.Add(page.Content);
        _message.Y = Pos.Bottom(Tabs);
        status.Y = Pos.AnchorEnd();
        Add(menu, Tabs, _message, status);
        FrameChanged += (_, e) => FitStatusBar(e.Value.Width);
        _hiddenKeys = HiddenKeys();
        KeyDown += OnHiddenKey;

        Tabs.ValueChanged += (_, _) => RefreshPages();
        _selection.Changed += (_, _) => RefreshPages();
        Drivers.Said += (_, text) => Say(text);
        EditPage.Editor.Reshaped += (_, dropped) =>
        {
            Say(dropped.Count == 0
                ? "Changed. Ctrl+Z undoes it."
                : $"Changed; dropped {string.Join(", ", dropped)}. Ctrl+Z undoes it and brings them back.");
            App?.Invoke(ReEditSelected);
        };
        EditPage.Outline.Tree.KeyDown += OnOutlineKey;
        _workbench.DocumentChanged += OnDocumentChanged;
        _workbench.DocumentReplaced += (_, _) => { EditPage.Load(_workbench); UpdateTitle(); RefreshPages(); };
        _workbench.QuickChanged += (_, _) => RefreshPages();
        _workbench.FullChanged += (_, _) => RefreshPages();
        _workbench.BaselineChanged += (_, _) => RefreshPages();
        EditPage.Load(_workbench);
        UpdateTitle();
        RefreshPages();
    }

    public Tabs Tabs { get; }

    public EditPage EditPage { get; }

    public HistogramPage Histogram { get; }

    public DriversPage Drivers { get; }

    public IReadOnlyList<IResultsPage> Pages { get; }

    public string Message => _message.Text;

    /// <summary>Ask before quitting with unsaved edits (tests that dispose the window turn it off).</summary>
    public bool ConfirmOnQuit { get; set; } = true;

    /// <summary>Shows a one-line message above the status bar.</summary>
    public void Say(string text) => _message.Text = text;

    /// <summary>Redraws every page from the workbench's current state.</summary>
    public void RefreshPages()
    {
        if (_workbench.Latest is { } latest) _selection.Fit(latest.Result);
        foreach (var page in Pages) page.Refresh(_workbench, _selection);
        SetNeedsDraw();
    }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (!newIsRunning) return;
        EditPage.Outline.Tree.SetFocus();
        _workbench.StartQuickRun();
    }

    protected override bool OnIsRunningChanging(bool oldIsRunning, bool newIsRunning)
    {
        // Stopping: give unsaved edits a chance (Esc and Ctrl+Q both end here).
        if (oldIsRunning && !newIsRunning && ConfirmOnQuit && !ConfirmDiscard("Quit")) return true;
        return base.OnIsRunningChanging(oldIsRunning, newIsRunning);
    }

    private void OnDocumentChanged(object? sender, DocumentChange change)
    {
        EditPage.OnEdited(_workbench, change);
        UpdateTitle();
        if (App is null) return;
        if (_pendingQuickRun is not null) App.RemoveTimeout(_pendingQuickRun);
        _pendingQuickRun = App.AddTimeout(Debounce, () =>
        {
            _pendingQuickRun = null;
            _workbench.StartQuickRun();
            return false;
        });
    }

    private void ReEditSelected()
    {
        EditPage.Outline.Rebuild(_workbench.Document);
        if (EditPage.Outline.Selected is { } node)
        {
            string? focused = EditPage.Editor.Editor?.Fields().FirstOrDefault(f => EditPage.Editor.InputOf(f.Key)?.HasFocus == true)?.Key;
            EditPage.Editor.Edit(_workbench.Document, node);
            if (focused is not null) EditPage.Editor.FocusField(focused);
        }
    }

    private void UpdateTitle()
    {
        string document = $"{_workbench.Document.Title}{(_workbench.Document.IsDirty ? " *" : "")}";
        Title = $"FunnelSim — {document}" + (_workbench.Baseline is { } b ? $"  [baseline: {b.Label}]" : "");
        // The window has no border of its own; the outline's title names the file and shows unsaved edits.
        EditPage.Outline.Title = $"_Outline: {document}";
    }
}
