using FunnelSim.Ui.Editing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>The scenario outline: settings, population, and each indication's funnel; nodes with errors end in " !".</summary>
internal sealed class OutlineView : FrameView
{
    private ScenarioDocument? _document;

    /// <summary>
    /// While rebuilding, the path that was selected: selecting the same path again is no new choice, and re-editing
    /// it would take the focus from the field being typed in (an id, a member-mix share). Callers that want the
    /// editor rebuilt (undo, list actions, a change of form) call it themselves.
    /// </summary>
    private string? _rebuildingAt;

    public OutlineView()
    {
        Title = "_Outline";
        Tree = new TreeView<OutlineNode>
        {
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            TreeBuilder = new DelegateTreeBuilder<OutlineNode>(n => n.Children, n => n.Children.Count > 0),
        };
        Tree.AspectGetter = Label;
        Tree.SelectionChanged += (_, e) => { if (e.NewValue is { } node && node.Path != _rebuildingAt) NodeSelected?.Invoke(this, node); };
        Add(Tree);
    }

    /// <summary>Raised when the user selects a node.</summary>
    public event EventHandler<OutlineNode>? NodeSelected;

    public TreeView<OutlineNode> Tree { get; }

    public OutlineNode? Selected => Tree.SelectedObject;

    /// <summary>Rebuilds the outline from <paramref name="document"/>, keeping the selection (by path) and the expanded nodes.</summary>
    public void Rebuild(ScenarioDocument document, string? select = null)
    {
        _document = document;
        string? previous = Tree.SelectedObject?.Path;
        string? path = select ?? previous;
        var expanded = (Tree.Objects ?? []).SelectMany(o => o.SelfAndDescendants()).Where(Tree.IsExpanded).Select(n => n.Path).ToHashSet();
        var roots = ScenarioOutline.Build(document);
        Tree.ClearObjects();
        Tree.AddObjects(roots);
        var all = roots.SelectMany(r => r.SelfAndDescendants()).ToList();
        foreach (var node in all.Where(n => expanded.Contains(n.Path))) Tree.Expand(node);
        var target = all.FirstOrDefault(n => n.Path == path) ?? roots[0];
        ExpandTo(all, target);
        _rebuildingAt = previous;
        try
        {
            Tree.SelectedObject = target;
        }
        finally
        {
            _rebuildingAt = null;
        }
        ScrollTo(target);
        Tree.SetNeedsDraw();
    }

    /// <summary>
    /// After an edit that kept the outline's shape: rebuilds it when a label changed (a modality's share, a name),
    /// else only redraws the problem markers. The selection and the focus stay where they are.
    /// </summary>
    public void RefreshLabels(ScenarioDocument document)
    {
        var current = (Tree.Objects ?? []).SelectMany(o => o.SelfAndDescendants()).Select(n => (n.Path, n.Label));
        var fresh = ScenarioOutline.Build(document).SelectMany(o => o.SelfAndDescendants()).Select(n => (n.Path, n.Label));
        if (current.SequenceEqual(fresh)) Tree.SetNeedsDraw();
        else Rebuild(document);
    }

    /// <summary>Selects the node at <paramref name="path"/> (or its nearest ancestor in the outline).</summary>
    public void Select(string path)
    {
        var all = (Tree.Objects ?? []).SelectMany(o => o.SelfAndDescendants()).ToList();
        var node = all.Where(n => n.Path.Length > 0 && (path == n.Path || path.StartsWith(n.Path + ".", StringComparison.Ordinal)
                                                         || path.StartsWith(n.Path + "[", StringComparison.Ordinal)))
                      .MaxBy(n => n.Path.Length) ?? all[0];
        ExpandTo(all, node);
        Tree.SelectedObject = node;
        ScrollTo(node);
    }

    // Before the first layout the viewport has no height, and scrolling then would hide the first rows.
    private void ScrollTo(OutlineNode node)
    {
        if (Tree.Viewport.Height > 0) Tree.EnsureVisible(node);
        else Tree.ScrollOffsetVertical = 0;
    }

    private void ExpandTo(List<OutlineNode> all, OutlineNode target)
    {
        foreach (var ancestor in all.Where(n => n.Children.Any(c => c.SelfAndDescendants().Contains(target)))) Tree.Expand(ancestor);
    }

    private string Label(OutlineNode node)
    {
        bool error = _document?.DiagnosticsAt(node.Path, includeChildren: node.Kind != OutlineKind.Settings).Any(d => d.IsError) == true
                     && node.Path.Length > 0;
        if (node.Kind == OutlineKind.Settings)
            error = _document?.Validation.Errors.Any(d => !d.Path.StartsWith("indications", StringComparison.Ordinal)
                                                          && !d.Path.StartsWith("population", StringComparison.Ordinal)
                                                          && !d.Path.StartsWith("costs", StringComparison.Ordinal)) == true;
        return error ? node.Label + " !" : node.Label;
    }
}
