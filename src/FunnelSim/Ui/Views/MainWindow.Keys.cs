using FunnelSim.Ui.Editing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

// Menu, status bar and keys: every command is reachable from the keyboard and listed in the status bar or the menu.
internal sealed partial class MainWindow
{
    private MenuBar CreateMenu() => new(
    [
        new MenuBarItem("Fi_le",
        [
            new MenuItem("_New", "the built-in base case", () => NewScenario(), Key.N.WithCtrl),
            new MenuItem("_Open…", "a scenario file", () => OpenScenario(), Key.O.WithCtrl),
            new MenuItem("_Save", "", () => SaveScenario(saveAs: false), Key.S.WithCtrl),
            new MenuItem("Save _As…", "", () => SaveScenario(saveAs: true), Key.Empty),
            new MenuItem("_Export results…", "JSON or CSV", () => ExportResults(), Key.E.WithCtrl),
            new MenuItem("_Quit", "", () => Quit(), Key.Q.WithCtrl),
        ]),
        new MenuBarItem("Edit",
        [
            new MenuItem("_Undo", "Ctrl+Z: the last edit", () => Undo(), Key.Empty),
            new MenuItem("_Add step/modality/correlation", "Ins in the outline", () => ListAction(ListEditing.Add), Key.Empty),
            new MenuItem("_Remove step/modality/correlation", "Del in the outline", () => ListAction(ListEditing.Remove), Key.Empty),
            new MenuItem("Move _up", "Alt+↑ in the outline", () => ListAction((d, n) => ListEditing.Move(d, n, -1)), Key.Empty),
            new MenuItem("Move _down", "Alt+↓ in the outline", () => ListAction((d, n) => ListEditing.Move(d, n, +1)), Key.Empty),
            new MenuItem("Re_name (edit id)", "F2", () => Rename(), Key.Empty),
        ]),
        new MenuBarItem("R_un",
        [
            new MenuItem("_Full run", "", () => RunFull(), Key.F5),
            new MenuItem("_Pin / unpin baseline", "", () => TogglePin(), Key.F6),
            new MenuItem("_Problems…", "", () => ShowProblems(), Key.F8),
            new MenuItem("_Calibrate…", "to observed counts (typed or a file)", () => Calibrate(), Key.Empty),
        ]),
        new MenuBarItem("Hel_p", [new MenuItem("_Keys and model", "", () => ShowHelp(), Key.F1)]),
    ]);

    /// <summary>Width from which the status bar also names Ctrl+PgDn (Ctrl+T alone fits at 80 columns).</summary>
    private const int WideStatusBar = 130;

    /// <summary>The status bar's keys, most used first; those that do not fit whole are hidden (and handled as hidden keys).</summary>
    private (Shortcut Shortcut, Key Key, Action Action)[] StatusKeys() =>
    [
        (Global(Key.F1, "Help", ShowHelp), Key.F1, ShowHelp),
        (Global(Key.F5, "Run", RunFull), Key.F5, RunFull),
        (Global(Key.F6, "Pin", TogglePin), Key.F6, TogglePin),
        (_tabKey, Key.T.WithCtrl, () => NextTab(+1)),
        (Global(Key.F3, "Indic.", () => NextIndication(+1)), Key.F3, () => NextIndication(+1)),
        (Global(Key.F7, "Year", () => NextYear(+1)), Key.F7, () => NextYear(+1)),
        (Global(Key.F8, "Problems", ShowProblems), Key.F8, ShowProblems),
        (Global(Key.S.WithCtrl, "Save", () => SaveScenario(saveAs: false)), Key.S.WithCtrl, () => SaveScenario(saveAs: false)),
        (Global(Key.Q.WithCtrl, "Quit", () => Quit()), Key.Q.WithCtrl, () => Quit()),
        (Global(Key.Z.WithCtrl, "Undo", Undo), Key.Z.WithCtrl, Undo),
    ];

    private StatusBar CreateStatusBar() => new(_statusKeys.Select(k => k.Shortcut));

    /// <summary>Columns a shortcut takes in the bar: ` F1  Help │` is a space, the key, two spaces, the title and ` │`.</summary>
    private static int StatusWidth(Shortcut shortcut) => shortcut.Key.ToString().Length + shortcut.Title.Replace("_", "", StringComparison.Ordinal).Length + 5;

    /// <summary>
    /// Keys with no room in the status bar (F1 lists them). A <see cref="Shortcut"/> that is not visible does not fire
    /// in Terminal.Gui 2.5.0 (nor does a menu item's key while the menu is closed), so these are handled here, after
    /// the focused view had its chance.
    /// </summary>
    private (Key Key, Action Action)[] HiddenKeys() =>
    [
        (Key.F3.WithShift, () => NextIndication(-1)),
        (Key.F7.WithShift, () => NextYear(-1)),
        (Key.F4, () => _selection.NextMetric(+1, _workbench.Latest?.Result)),
        (Key.F4.WithShift, () => _selection.NextMetric(-1, _workbench.Latest?.Result)),
        (Key.F2, Rename),
        (Key.N.WithCtrl, NewScenario),
        (Key.O.WithCtrl, OpenScenario),
        (Key.E.WithCtrl, ExportResults),
        (Key.PageDown.WithCtrl, () => NextTab(+1)),
        (Key.PageUp.WithCtrl, () => NextTab(-1)),
    ];

    /// <summary>
    /// The window's Ctrl+letter commands, taken before the focused view sees them: Terminal.Gui's views bind some of
    /// them for themselves (a table moves down on Ctrl+N, a text box to its end on Ctrl+E), which would make New or
    /// Export work on one tab and not on another. Only while this window is on top: in a dialog they are the dialog's.
    /// </summary>
    private static readonly Key[] CommandKeys =
        [Key.N.WithCtrl, Key.O.WithCtrl, Key.S.WithCtrl, Key.E.WithCtrl, Key.Q.WithCtrl, Key.T.WithCtrl, Key.PageDown.WithCtrl, Key.PageUp.WithCtrl];

    private void OnWindowCommandKey(object? sender, Key key)
    {
        if (key.Handled || App?.TopRunnableView != this || !CommandKeys.Contains(key)) return;
        var action = _statusKeys.Where(k => k.Key == key).Select(k => k.Action)
            .Concat(_hiddenKeys.Where(k => k.Key == key).Select(k => k.Action)).FirstOrDefault();
        if (action is null) return;
        action();
        key.Handled = true;
    }

    private void OnHiddenKey(object? sender, Key key)
    {
        if (Tabs.Value == Drivers.Content && Drivers.HandleKey(key))
        {
            key.Handled = true;
            return;
        }
        foreach (var (shortcut, hidden, action) in _statusKeys)
        {
            if (shortcut.Visible || key != hidden) continue;
            action();
            key.Handled = true;
            return;
        }
        foreach (var (hidden, action) in _hiddenKeys)
        {
            if (key != hidden) continue;
            action();
            key.Handled = true;
            return;
        }
    }

    /// <summary>
    /// Names Ctrl+PgDn beside Ctrl+T when the window is wide enough, and shows only the keys that fit whole: a key is
    /// never cut mid-word (F1 lists them all, and a hidden key still works).
    /// </summary>
    private void FitStatusBar(int width)
    {
        _tabKey.Title = width >= WideStatusBar ? "Tab (or Ctrl+PgDn)" : "Tab";
        int used = 0;
        bool full = false;
        foreach (var (shortcut, _, _) in _statusKeys)
        {
            int needed = StatusWidth(shortcut);
            full |= used + needed > width;
            shortcut.Visible = !full;
            if (!full) used += needed;
        }
    }

    private static Shortcut Global(Key key, string title, Action action) =>
        new(key, title, action) { BindKeyToApplication = true };

    private void OnOutlineKey(object? sender, Key key)
    {
        Func<ScenarioDocument, OutlineNode, string?>? action = key.KeyCode switch
        {
            KeyCode.Insert => ListEditing.Add,
            KeyCode.Delete => ListEditing.Remove,
            _ when key == Key.CursorUp.WithAlt => (d, n) => ListEditing.Move(d, n, -1),
            _ when key == Key.CursorDown.WithAlt => (d, n) => ListEditing.Move(d, n, +1),
            _ => null,
        };
        if (action is null) return;
        ListAction(action);
        key.Handled = true;
    }

    private void ListAction(Func<ScenarioDocument, OutlineNode, string?> action)
    {
        if (EditPage.Outline.Selected is not { } node || !ListEditing.Applies(node))
        {
            Say("Select a step, a modality, a correlation or one of their lists in the outline first.");
            return;
        }
        if (action(_workbench.Document, node) is { } select)
        {
            EditPage.Outline.Rebuild(_workbench.Document, select);
            if (EditPage.Outline.Selected is { } selected) EditPage.Editor.Edit(_workbench.Document, selected);
        }
    }

    private void Rename()
    {
        Tabs.Value = EditPage.Content;
        if (!EditPage.Editor.FocusField("id")) Say("Select an indication, step or modality to rename it (its Id).");
    }

    private void Undo()
    {
        if (_workbench.Document.Undo() is not { } path)
        {
            Say("Nothing to undo.");
            return;
        }
        Tabs.Value = EditPage.Content;
        EditPage.Outline.Select(path);
        ReEditSelected();
        Say($"Undone: the last edit of {path} (Ctrl+Z again goes further back).");
    }

    private void NextIndication(int step)
    {
        if (_workbench.Latest is { } latest) _selection.NextIndication(latest.Result, step);
    }

    private void NextYear(int step)
    {
        if (_workbench.Latest is { } latest) _selection.NextYear(latest.Result, step);
    }
}
