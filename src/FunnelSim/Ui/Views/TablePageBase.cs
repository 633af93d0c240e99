using FunnelSim.Rendering;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>A page with a one-line caption over a table; numeric columns are right-aligned.</summary>
internal abstract class TablePageBase : IResultsPage
{
    private readonly Label _caption = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _notes = new() { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto() };

    protected TablePageBase(string title)
    {
        Title = title;
        Table = new TableView
        {
            X = 0,
            Y = 1,
            Width = Dim.Fill(),
            Height = Dim.Fill(Dim.Func(_ => _notes.Frame.Height)),
            FullRowSelect = true,
        };
        Table.Style.ShowHorizontalHeaderOverline = false;
        Table.Style.ShowHorizontalBottomLine = false;
        Table.Style.ExpandLastColumn = false;
        Content = new View { Title = title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        Content.Add(_caption, Table, _notes);
    }

    public string Title { get; }

    public View Content { get; }

    public TableView Table { get; }

    public abstract void Refresh(Workbench workbench, ResultSelection selection);

    protected void Show(string caption, TableRows rows, string notes = "")
    {
        _caption.Text = caption;
        _notes.Text = notes;
        Table.Table = new TableRowsSource(rows);
        for (int c = 1; c < rows.Headers.Count; c++)
            Table.Style.GetOrCreateColumnStyle(c).Alignment = Terminal.Gui.ViewBase.Alignment.End;
        Table.Update();
    }
}
