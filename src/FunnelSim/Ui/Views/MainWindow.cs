using FunnelSim.Files;
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
    private readonly (Shortcut Shortcut, Key Key, Action Action)[] _statusKeys;
    private object? _pendingQuickRun;
    private int _messageRows = 1;

    public MainWindow(Workbench workbench, RecentFiles recent)
    {
        _workbench = workbench;
        _recent = recent;
        Dialogs = new TerminalDialogs(() => App);
        Width = Dim.Fill();
        Height = Dim.Fill();
        EditPage = new EditPage();
        Histogram = new HistogramPage();
        Drivers = new DriversPage();
        Pages = [EditPage, new ResultsTablePage(), new FunnelChartPage(), new TreatedChartPage(), Histogram, Drivers, new ComparePage(), new BudgetPage()];

        _tabKey = Global(Key.T.WithCtrl, "Tab", () => NextTab(+1));
        _statusKeys = StatusKeys();
        var menu = CreateMenu();
        var status = CreateStatusBar();
        Tabs = new Tabs { X = 0, Y = Pos.Bottom(menu), Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => status.Frame.Height + _messageRows)) };
        foreach (var page in Pages) Tabs.Add(page.Content);
        WireTabs();
        _message.Y = Pos.Bottom(Tabs);
        status.Y = Pos.AnchorEnd();
        Add(menu, Tabs, _message, status);
        FrameChanged += (_, e) =>
        {
            FitStatusBar(e.Value.Width);
            FitMessage(e.Value.Width);
        };
        _hiddenKeys = HiddenKeys();
        KeyDown += OnHiddenKey;

        Tabs.ValueChanged += (_, _) =>
        {
            RefreshPages();
            // However the tab was chosen (Ctrl+T, Alt+letter, the mouse), its keys work at once: PgDn scrolls the
            // table, D computes the drivers, ↓ moves in the outline.
            if (Pages.FirstOrDefault(p => p.Content == Tabs.Value) is { } page) FocusPage(page);
        };
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

    public string Message { get; private set; } = "";

    /// <summary>Ask before quitting with unsaved edits or results (tests that dispose the window turn it off).</summary>
    public bool ConfirmOnQuit { get; set; } = true;

    /// <summary>The modal questions (message boxes, paths); headless tests script the answers.</summary>
    internal IDialogs Dialogs { get; set; }

    /// <summary>Set only by Ctrl+Q or File › Quit once the user agreed: nothing else stops the window (not Esc).</summary>
    private bool _quitting;

    /// <summary>Shows a message above the status bar, wrapped at the window's width (the tabs give it the rows it needs).</summary>
    public void Say(string text)
    {
        Message = text;
        FitMessage(Frame.Width > 0 ? Frame.Width : App?.Screen.Width ?? 80);
    }

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
        if (App?.Keyboard is { } keyboard)
        {
            keyboard.KeyDown -= OnWindowCommandKey;
            if (newIsRunning) keyboard.KeyDown += OnWindowCommandKey;
        }
        if (!newIsRunning) return;
        EditPage.Outline.Tree.SetFocus();
        _workbench.StartQuickRun();
    }

    protected override bool OnIsRunningChanging(bool oldIsRunning, bool newIsRunning)
    {
        // Terminal.Gui stops the top window on its quit key (Esc by default): only Quit may end the program.
        if (oldIsRunning && !newIsRunning && !_quitting)
        {
            Say("Esc never quits: Ctrl+Q (or File › Quit) does. F1 lists every key.");
            return true;
        }
        return base.OnIsRunningChanging(oldIsRunning, newIsRunning);
    }

    /// <summary>
    /// Quits after asking: about unsaved edits (save, discard or cancel), else about results that would be lost (a
    /// full run, a baseline, global drivers). Returns false when the user chose to stay.
    /// </summary>
    public bool Quit()
    {
        if (ConfirmOnQuit)
        {
            if (_workbench.Document.IsDirty)
            {
                if (!ConfirmDiscard("Quit")) return false;
            }
            else if (LosableResults() is { } what && Dialogs.Query("Quit", $"Quit and lose the results? ({what})", "Quit", "Cancel") != 0)
            {
                return false;
            }
        }
        _quitting = true;
        if (IsRunning) RequestStop();
        return true;
    }

    /// <summary>What quitting would lose that no file holds, or null.</summary>
    private string? LosableResults()
    {
        var lost = new List<string>();
        if (_workbench.Full is not null) lost.Add("the full run");
        if (_workbench.Baseline is not null) lost.Add("the pinned baseline");
        if (_workbench.Sensitivity.Drivers is not null || _workbench.Sensitivity.DriversRunning) lost.Add("the global drivers");
        return lost.Count == 0 ? null : string.Join(", ", lost);
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

    /// <summary>Wraps the message at spaces to <paramref name="width"/> columns: a long message is never cut.</summary>
    private void FitMessage(int width)
    {
        var rows = ListDialog.Wrap([Message], Math.Max(20, width), continuation: "").Rows;
        string text = string.Join("\n", rows);
        if (_message.Text != text) _message.Text = text;
        if (rows.Count == _messageRows) return;
        _messageRows = rows.Count;
        _message.Height = rows.Count;
        SetNeedsLayout();
    }

    private void UpdateTitle()
    {
        string document = $"{_workbench.Document.Title}{(_workbench.Document.IsDirty ? " *" : "")}";
        Title = $"FunnelSim — {document}" + (_workbench.Baseline is { } b ? $"  [baseline: {b.Label}{(b.OtherScenario ? ", another scenario" : "")}]" : "");
        // The window has no border of its own; the outline's title names the file and shows unsaved edits.
        EditPage.Outline.Title = $"_Outline: {document}";
    }
}
