using System.Collections.ObjectModel;
using FunnelSim.Ui.Editing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The editor of the selected outline node: one row per field (a text box or a drop-down list) and, under a field,
/// the validator's messages for exactly that JSON path, in the command line's words. Every keystroke writes the
/// document, which the core re-validates.
/// </summary>
internal sealed class FieldEditorView : FrameView
{
    private const int LabelWidth = 21;
    private readonly List<(EditorField Field, View Input, Label Problems)> _rows = [];
    private readonly Dictionary<string, string> _typingErrors = new(StringComparer.Ordinal);
    private readonly Label _other = new() { X = 0, Width = Dim.Fill(), Height = Dim.Auto(), SchemeName = "Error" };
    private FieldEditor? _editor;
    private ScenarioDocument? _document;
    private bool _loading;

    public FieldEditorView()
    {
        Title = "_Editor";
    }

    /// <summary>Raised when the fields changed shape (form, ramp, population or duration family), to rebuild after the event.</summary>
    public event EventHandler? Reshaped;

    public FieldEditor? Editor => _editor;

    /// <summary>Shows the fields of <paramref name="node"/>.</summary>
    public void Edit(ScenarioDocument document, OutlineNode node)
    {
        _document = document;
        _editor = new FieldEditor(document, node);
        _typingErrors.Clear();
        Title = $"_Editor: {Breadcrumb(node)}";
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

        _loading = true;
        View? previous = null;
        foreach (var field in _editor.Fields())
        {
            var label = new Label { Text = field.Label, X = 0, Y = previous is null ? 0 : Pos.Bottom(previous), Width = LabelWidth };
            View input = field.Kind == FieldKind.Choice ? Choice(field) : Entry(field);
            input.X = LabelWidth;
            input.Y = Pos.Top(label);
            var problems = new Label { X = 2, Y = Pos.Bottom(label), Width = Dim.Fill(), Height = Dim.Auto(), SchemeName = "Error" };
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
        var shown = new HashSet<FunnelSim.Validation.Diagnostic>();
        foreach (var (field, _, problems) in _rows)
        {
            var messages = new List<string>();
            if (_typingErrors.TryGetValue(field.Key, out string? typing)) messages.Add("error: " + typing);
            if (field.Key != "shape")
            {
                foreach (var d in _document.DiagnosticsAt(field.Path).Where(shown.Add))
                    messages.Add($"{(d.IsError ? "error" : "warning")}: {(d.Path == field.Path ? "" : d.Path[(field.Path.Length + 1)..] + ": ")}{d.Message}");
            }
            problems.Text = string.Join("\n", messages);
        }
        var rest = _document.DiagnosticsAt(_editor.Node.Path, includeChildren: _editor.Node.Kind is not (OutlineKind.Indication or OutlineKind.Settings))
            .Where(d => !shown.Contains(d)).Select(d => d.ToString());
        if (_rows.Count > 0) _other.Text = string.Join("\n", rest);
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

    /// <summary>The input view of a field (for tests).</summary>
    public View? InputOf(string key) => _rows.FirstOrDefault(r => r.Field.Key == key).Input;

    private TextField Entry(EditorField field)
    {
        var entry = new TextField { Width = Dim.Fill(), Text = _editor!.GetText(field) };
        entry.TextChanged += (_, _) => Write(field, entry.Text);
        return entry;
    }

    private DropDownList Choice(EditorField field)
    {
        var choices = new ObservableCollection<string>(field.Choices ?? []);
        var list = new DropDownList { Width = Dim.Fill(), Source = new ListWrapper<string>(choices), ReadOnly = true };
        list.Value = _editor!.GetText(field);
        list.ValueChanged += (_, e) => { if (e.NewValue is { } value) Write(field, value); };
        return list;
    }

    private void Write(EditorField field, string text)
    {
        if (_loading || _editor is null) return;
        string? error = _editor.SetText(field, text, out bool reshaped);
        if (error is null) _typingErrors.Remove(field.Key);
        else _typingErrors[field.Key] = error;
        ShowProblems();
        if (reshaped) Reshaped?.Invoke(this, EventArgs.Empty);
    }

    private string Breadcrumb(OutlineNode node)
    {
        if (node.Kind == OutlineKind.Settings) return "scenario settings";
        var parts = new List<string>();
        string path = "";
        foreach (object segment in JsonNodePath.Parse(node.Path))
        {
            path = segment is int i ? JsonNodePath.Item(path, i) : JsonNodePath.Child(path, (string)segment);
            if (segment is int) parts[^1] = _document?.Text($"{path}.id") is { } id ? (parts.Count == 1 ? id.ToUpperInvariant() : id) : parts[^1];
            else parts.Add((string)segment);
        }
        return string.Join(" › ", parts);
    }

    private static string Hint(OutlineNode node) => node.Kind switch
    {
        OutlineKind.StepList => "A list of funnel steps. Ins adds a step, Del removes the selected one, Alt+↑/↓ moves it.",
        OutlineKind.ModalityList => "Test methods; their shares of tested patients must sum to 1. Ins adds, Del removes, Alt+↑/↓ moves.",
        OutlineKind.Testing => "Testing uptake and the test methods (modalities) used.",
        _ => "",
    };
}
