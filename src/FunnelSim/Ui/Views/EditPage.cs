using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

/// <summary>The editing tab: outline on the left, the selected node's fields on the right, the live what-if under them.</summary>
internal sealed class EditPage : IResultsPage
{
    private Workbench? _workbench;

    public EditPage()
    {
        Outline = new OutlineView { X = 0, Y = 0, Width = Dim.Percent(34), Height = Dim.Fill() };
        Headline = new HeadlineView { X = Pos.Right(Outline), Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = 8 };
        Editor = new FieldEditorView { X = Pos.Right(Outline), Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Headline) };
        Content = new View { Title = "_Edit", Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        // Inside a tab, Tab should move between the outline and the fields, not on to the next tab.
        Outline.TabStop = TabBehavior.TabStop;
        Editor.TabStop = TabBehavior.TabStop;
        Headline.TabStop = TabBehavior.NoStop;
        Content.Add(Outline, Editor, Headline);
        Outline.NodeSelected += (_, node) => { if (_workbench is { } w) Editor.Edit(w.Document, node); };
    }

    public string Title => "_Edit";

    public View Content { get; }

    public OutlineView Outline { get; }

    public FieldEditorView Editor { get; }

    public HeadlineView Headline { get; }

    /// <summary>Shows a (new) document: rebuilds the outline and edits <paramref name="select"/> or the first node.</summary>
    public void Load(Workbench workbench, string? select = null)
    {
        _workbench = workbench;
        Outline.Rebuild(workbench.Document, select);
        if (Outline.Selected is { } node) Editor.Edit(workbench.Document, node);
        Headline.Refresh(workbench);
    }

    /// <summary>After an edit: refresh problem markers, rebuild the outline when its shape changed.</summary>
    public void OnEdited(Workbench workbench, DocumentChange change)
    {
        if (change.Structural) Outline.Rebuild(workbench.Document);
        else Outline.RefreshLabels(workbench.Document);
        Editor.ShowProblems();
        Headline.Refresh(workbench);
    }

    public void Refresh(Workbench workbench, ResultSelection selection) => Headline.Refresh(workbench);
}
