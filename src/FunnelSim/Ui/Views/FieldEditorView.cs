using System.Collections.ObjectModel;
using FunnelSim.Ui.Editing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The editor of the selected outline node: one row per field (a text box or a drop-down list) and, under a field,
/// the validator's messages for exactly that JSON path, in the command line's words. Every keystroke writes the
/// document, which the core re-validates. When the rows are taller than the pane (80×24: a parameter with a range, a
/// ramp, a source and a message) it scrolls, and the focused field is always scrolled into view.
/// </summary>
internal sealed class FieldEditorView : FrameView
{
    private const int LabelWidth = 21;
    private readonly List<(EditorField Field, View Input, Label Problems)> _rows = [];
    private readonly Label _other = new() { X = 0, Width = Dim.Fill(), Height = Dim.Auto(), SchemeName = "Error" };
    private FieldEditor? _editor;
    private ScenarioDocument? _document;
    private bool _loading;

    public FieldEditorView()
    {
        Title = "Ed_itor";
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        SubViewsLaidOut += (_, _) => FitContent();
    }

    /// <summary>
    /// Raised when the fields changed shape (form, ramp, population or duration family), to rebuild after the event;
    /// with what the change dropped (see <see cref="FieldEditor.Dropped"/>).
    /// </summary>
    public event EventHandler<IReadOnlyList<string>>? Reshaped;

    public FieldEditor? Editor => _editor;

    /// <summary>Shows the fields of <paramref name="node"/>.</summary>
    public void Edit(ScenarioDocument document, OutlineNode node)
    {
        _document = document;
        _editor = new FieldEditor(document, node);
        Title = $"Ed_itor: {Breadcrumb(node)}";
        foreach (var (_, input, problems) in _rows)
        {
            Remove(input);
            Remove(problems);
            input.Dispose();
            problems.Dispose();
        }
        foreach (var label in SubViews.OfType<Label>().Where(l => l != _other).ToList())
        {
            Remove(label);
            label.Dispose();
        }
        Remove(_other);
        _rows.Clear();
        Viewport = Viewport with { Y = 0 };

        _loading = true;
        View? previous = null;
        foreach (var field in _editor.Fields())
        {
            var label = new Label { Text = field.Label, X = 0, Y = previous is null ? 0 : Pos.Bottom(previous), Width = LabelWidth };
            View input = field.Kind == FieldKind.Choice ? Choice(field) : Entry(field);
            input.X = LabelWidth;
            input.Y = Pos.Top(label);
            var problems = new Label { X = 2, Y = Pos.Bottom(label), Width = Dim.Fill(), Height = Dim.Auto(), SchemeName = "Error" };
            input.HasFocusChanged += (_, e) => { if (e.NewValue) ScrollIntoView(input); };
            // Ctrl+Z undoes the last edit of the scenario (the window's key), not just this box's text.
            foreach (var key in new[] { Key.Z.WithCtrl, Key.Y.WithCtrl, Key.Z.WithCtrl.WithShift })
                if (input.KeyBindings.TryGet(key, out _)) input.KeyBindings.Remove(key);
            Add(label, input, problems);
            _rows.Add((field, input, problems));
            previous = problems;
        }
        _other.Y = previous is null ? 0 : Pos.Bottom(previous);
        Add(_other);
        if (_rows.Count == 0) _other.Text = Hint(node);
        _loading = false;
        ShowProblems();
    }

    /// <summary>Updates the messages under each field from the document's current diagnostics.</summary>
    public void ShowProblems()
    {
        if (_document is null || _editor is null) return;
        var shown = new HashSet<FunnelSim.Json.Diagnostic>();
        foreach (var (field, _, problems) in _rows)
        {
            var messages = new List<string>();
            if (field.Key != "shape")
            {
                foreach (var d in _document.DiagnosticsAt(field.Path).Where(shown.Add))
                    messages.Add($"{(d.IsError ? "error" : "warning")}: {(d.Path == field.Path ? "" : d.Path[(field.Path.Length + 1)..] + ": ")}{d.Message}");
            }
            problems.Text = string.Join("\n", messages);
        }
        var rest = _document.DiagnosticsAt(_editor.Node.Path, includeChildren: _editor.Node.Kind is not (OutlineKind.Indication or OutlineKind.Settings))
            .Where(d => !shown.Contains(d)).Select(d => d.ToString());
        // A node without fields shows its hint, and under it the problems of the node (a correlation matrix the copula cannot draw).
        _other.Text = _rows.Count > 0 ? string.Join("\n", rest) : string.Join("\n", rest.Prepend(Hint(_editor.Node)).Where(t => t.Length > 0));
        SetNeedsLayout();
    }

    /// <summary>Moves the focus to the field named <paramref name="key"/>; false when there is none.</summary>
    public bool FocusField(string key)
    {
        var row = _rows.FirstOrDefault(r => r.Field.Key == key);
        if (row.Input is null) return false;
        row.Input.SetFocus();
        return true;
    }

    /// <summary>
    /// Moves the focus to the field that writes <paramref name="path"/> (or the nearest field above it in the JSON);
    /// false when no field of this node does.
    /// </summary>
    public bool FocusPath(string path)
    {
        var row = _rows.Where(r => path == r.Field.Path || path.StartsWith(r.Field.Path + ".", StringComparison.Ordinal))
            .OrderByDescending(r => r.Field.Path.Length).FirstOrDefault();
        if (row.Input is null) return false;
        row.Input.SetFocus();
        return true;
    }

    /// <summary>The input view of a field (for tests).</summary>
    public View? InputOf(string key) => _rows.FirstOrDefault(r => r.Field.Key == key).Input;

    private TextField Entry(EditorField field)
    {
        var entry = new TextField { Width = Dim.Fill(), Text = _editor!.GetText(field) };
        entry.TextChanged += (_, _) => Write(field, entry.Text);
        // A text longer than the box (a source's citation) shows its start — author and year — not its end: when shown,
        // and again when the focus leaves it. (TextField puts the insertion point after the last character.)
        entry.Initialized += (_, _) => ShowStart(entry);
        entry.FrameChanged += (_, _) => { if (!entry.HasFocus) ShowStart(entry); };
        entry.HasFocusChanged += (_, e) => { if (!e.NewValue) ShowStart(entry); };
        return entry;
    }

    private ChoiceList Choice(EditorField field)
    {
        var choices = new ObservableCollection<string>(field.Choices ?? []);
        var list = new ChoiceList { Width = Dim.Fill(), Source = new ListWrapper<string>(choices), ReadOnly = true };
        list.Value = _editor!.GetText(field);
        list.ValueChanged += (_, e) => { if (e.NewValue is { } value) Write(field, value); };
        return list;
    }

    private static void ShowStart(TextField entry)
    {
        if (entry.InsertionPoint != 0 || entry.ScrollOffset != 0) entry.NewKeyDownEvent(Key.Home);
    }

    /// <summary>The content is as tall as the rows; the pane scrolls when that is more than it shows.</summary>
    private void FitContent()
    {
        int height = SubViews.Where(v => v.Visible).Select(v => v.Frame.Bottom).DefaultIfEmpty(0).Max();
        var size = new System.Drawing.Size(Viewport.Width, Math.Max(1, height));
        if (GetContentSize() != size) SetContentSize(size);
        if (_rows.FirstOrDefault(r => r.Input.HasFocus).Input is { } focused) ScrollIntoView(focused);
    }

    /// <summary>Scrolls so that the row of <paramref name="input"/> and the messages under it are visible.</summary>
    private void ScrollIntoView(View input)
    {
        int index = _rows.FindIndex(r => r.Input == input);
        if (index < 0 || Viewport.Height <= 0) return;
        int top = input.Frame.Y;
        // The last field also brings the messages about the node as a whole (under the last row) into view.
        int bottom = index == _rows.Count - 1 ? Math.Max(_rows[index].Problems.Frame.Bottom, _other.Frame.Bottom) : _rows[index].Problems.Frame.Bottom;
        int y = Viewport.Y;
        if (bottom > y + Viewport.Height) y = bottom - Viewport.Height;
        if (top < y) y = top;
        if (y != Viewport.Y) Viewport = Viewport with { Y = y };
    }

    private void Write(EditorField field, string text)
    {
        if (_loading || _editor is not { } editor) return;
        // A structural edit rebuilds the outline, which may already have put a new editor in place: ask this one.
        // Text that is not a number comes back as a diagnostic of the document, shown under the field like any other.
        editor.SetText(field, text, out bool reshaped);
        ShowProblems();
        if (reshaped) Reshaped?.Invoke(this, editor.Dropped);
    }

    private string Breadcrumb(OutlineNode node)
    {
        if (node.Kind == OutlineKind.Settings) return "scenario settings";
        var parts = new List<string>();
        string path = "";
        foreach (object segment in JsonNodePath.Parse(node.Path))
        {
            path = segment is int i ? JsonNodePath.Item(path, i) : JsonNodePath.Child(path, (string)segment);
            if (segment is int i2) parts[^1] = _document?.Text($"{path}.id") is { } id ? (parts.Count == 1 ? id.ToUpperInvariant() : id) : $"{parts[^1]} {i2 + 1}";
            else parts.Add((string)segment);
        }
        return string.Join(" › ", parts);
    }

    private static string Hint(OutlineNode node) => node.Kind switch
    {
        OutlineKind.StepList => "A list of funnel steps. Ins adds a step, Del removes the selected one, Alt+↑/↓ moves it.",
        OutlineKind.ModalityList => "Test methods; their shares of tested patients must sum to 1. Ins adds, Del removes, Alt+↑/↓ moves.",
        OutlineKind.Testing => "Testing uptake and the test methods (modalities) used.",
        OutlineKind.Group => ScenarioOutline.Hint(node),
        OutlineKind.CorrelationList =>
            "Rank (Spearman) correlations between uncertain inputs; inputs not listed are independent. " +
            "Ins adds a pair (ρ 0 until you set it), Del removes the selected one.",
        _ => "",
    };
}
