using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// The scenario being edited: a mutable JSON document, re-read by the core's <see cref="ScenarioLoader"/> after every
/// edit. The reader's diagnostic paths name the edited nodes one to one, so problems appear beside the field that
/// caused them in the command line's own words, and what is saved is exactly what <c>funnelsim run</c> reads.
/// </summary>
public sealed class ScenarioDocument
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Most undo steps kept (each holds the scenario's JSON, a few tens of kilobytes).</summary>
    public const int UndoDepth = 100;

    private readonly JsonObject _root;
    private readonly List<(string Json, string Path)> _undo = [];
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadableMessages = new(StringComparer.Ordinal);
    private string? _typingPath;

    private ScenarioDocument(JsonObject root, string? filePath)
    {
        _root = root;
        FilePath = filePath;
        Validation = Validate();
    }

    /// <summary>Raised after every change of the content (not after a save).</summary>
    public event EventHandler<DocumentChange>? Changed;

    /// <summary>The file this document was opened from or saved to; null for a new, unsaved scenario.</summary>
    public string? FilePath { get; private set; }

    /// <summary>True when there are edits not yet saved.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>The core's verdict on the current content: the scenario when valid, and every diagnostic.</summary>
    public ScenarioLoadResult Validation { get; private set; }

    /// <summary>The scenario when it can be run (warnings allowed).</summary>
    public Scenario? Scenario => Validation.IsValid ? Validation.Scenario : null;

    /// <summary>A short name for titles: the file name, else the scenario's name.</summary>
    public string Title => FilePath is not null ? Path.GetFileName(FilePath) : Text("name") ?? "untitled";

    /// <summary>The built-in US national base case, not yet saved anywhere.</summary>
    public static ScenarioDocument BaseCase()
    {
        var load = BuiltInScenarios.LoadUsNationalBase();
        return new ScenarioDocument(Parse(ScenarioWriter.Write(load.Scenario!))!, null);
    }

    /// <summary>A document from JSON text, or null when the text is not a JSON object.</summary>
    public static ScenarioDocument? FromJson(string json, string? filePath) =>
        Parse(json) is { } root ? new ScenarioDocument(root, filePath) : null;

    /// <summary>The root JSON, read-only use.</summary>
    public JsonNode? Find(string path) => path.Length == 0 ? _root : JsonNodePath.Find(_root, path);

    /// <summary>The string at <paramref name="path"/>, or null.</summary>
    public string? Text(string path) => Find(path) is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>The number of items of the array at <paramref name="path"/>.</summary>
    public int Count(string path) => Find(path) is JsonArray a ? a.Count : 0;

    /// <summary>True when there is an edit to undo.</summary>
    public bool CanUndo => _undo.Count > 0;

    /// <summary>
    /// Replaces (or with null removes) the node at <paramref name="path"/>, then revalidates. A change is one undo step,
    /// except that a run of typing into one field is one step together: every non-structural change, and a structural
    /// one marked <paramref name="typing"/> (typing a new id renames the node at each keystroke, yet one Ctrl+Z takes
    /// the whole rename back).
    /// </summary>
    public void Set(string path, JsonNode? value, bool structural = false, bool typing = false)
    {
        Remember(path, coalesce: !structural || typing);
        _unreadable.Remove(path);
        JsonNodePath.Set(_root, path, value);
        Commit(path, structural);
    }

    /// <summary>
    /// Records text typed at <paramref name="path"/> that cannot be read (not a number). The JSON keeps its last good
    /// value, but the entry is an error like any other: it marks the node and the file, blocks runs, and Save asks as
    /// for any invalid scenario. Writing a value at the path, or undoing, clears it.
    /// </summary>
    public void SetUnreadable(string path, string text, string message)
    {
        if (_unreadable.TryGetValue(path, out string? known) && known == text) return;
        _unreadable[path] = text;
        _unreadableMessages[path] = message;
        _typingPath = null;
        Commit(path, structural: false);
    }

    /// <summary>Ends a run of typing: the next change at the same path is an undo step of its own.</summary>
    public void EndTyping() => _typingPath = null;

    /// <summary>The unreadable text typed at <paramref name="path"/>, if any.</summary>
    public string? UnreadableText(string path) => _unreadable.GetValueOrDefault(path);

    /// <summary>Makes any change to the JSON, then revalidates once.</summary>
    public void Edit(string path, Action<JsonObject> change, bool structural = true)
    {
        Remember(path, coalesce: !structural);
        change(_root);
        Commit(path, structural);
    }

    /// <summary>
    /// Puts back the content as it was before the last edit (a run of typing into one field counts as one edit; a
    /// change of form, ramp or family as another) and returns the path that edit touched; null when there is nothing
    /// to undo. Raises <see cref="Changed"/> as a structural change.
    /// </summary>
    public string? Undo()
    {
        if (_undo.Count == 0) return null;
        var (json, path) = _undo[^1];
        _undo.RemoveAt(_undo.Count - 1);
        var before = Parse(json)!;
        _root.Clear();
        foreach (var name in before.Select(p => p.Key).ToList())
        {
            var value = before[name];
            before.Remove(name);
            _root[name] = value;
        }
        _typingPath = null;
        _unreadable.Clear();
        Commit(path, structural: true);
        return path;
    }

    /// <summary>The current content as indented JSON.</summary>
    public string ToJson() => _root.ToJsonString(Indented) + "\n";

    /// <summary>
    /// The text to save: a valid scenario in the command line's canonical form (<see cref="ScenarioWriter"/>), so a
    /// saved file reads back to the same scenario; an invalid one as it stands, so no work is lost.
    /// </summary>
    public string SaveText() => Scenario is { } scenario ? ScenarioWriter.Write(scenario) + "\n" : ToJson();

    /// <summary>Records that the content now lives in <paramref name="path"/>.</summary>
    public void MarkSaved(string path)
    {
        FilePath = path;
        IsDirty = false;
    }

    /// <summary>The diagnostics at <paramref name="path"/> or inside it.</summary>
    public IEnumerable<Diagnostic> DiagnosticsAt(string path, bool includeChildren = true) =>
        Validation.Diagnostics.Where(d => d.Path == path
            || (includeChildren && path.Length > 0 && (d.Path.StartsWith(path + ".", StringComparison.Ordinal)
                                                       || d.Path.StartsWith(path + "[", StringComparison.Ordinal))));

    private void Remember(string path, bool coalesce)
    {
        // Typing "0.55" writes four times; one undo step should take all of it back.
        if (coalesce && _typingPath == path && _undo.Count > 0) return;
        _undo.Add((ToJson(), path));
        if (_undo.Count > UndoDepth) _undo.RemoveAt(0);
        _typingPath = coalesce ? path : null;
    }

    private void Commit(string path, bool structural)
    {
        IsDirty = true;
        Validation = Validate();
        Changed?.Invoke(this, new DocumentChange(path, structural));
    }

    /// <summary>The core's verdict on the JSON, plus an error for each entry that could not be read.</summary>
    private ScenarioLoadResult Validate()
    {
        var read = ScenarioLoader.Read(ToJson());
        if (_unreadable.Count == 0) return read;
        var unreadable = _unreadable.Keys.Select(p => new Diagnostic(Severity.Error, p, _unreadableMessages.GetValueOrDefault(p) ?? $"'{_unreadable[p]}' cannot be read"));
        return read with { Scenario = null, Diagnostics = [.. unreadable, .. read.Diagnostics] };
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = ScenarioReader.MaxDepth }) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
