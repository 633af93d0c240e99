using FunnelSim.Rendering;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// A page with a caption over a table; numeric columns are right-aligned. The caption wraps rather than being cut, and
/// when the columns are wider than the page a note under the table says that more lies to the right.
/// </summary>
internal abstract class TablePageBase : IResultsPage
{
    /// <summary>The note shown when the table is wider than the page.</summary>
    public const string MoreToTheRight = "More columns to the right: → scrolls, Home comes back.";

    private readonly Label _caption = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Auto() };
    private readonly Label _notes = new() { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto() };
    private TableRows? _rows;
    private string _pageNotes = "";

    protected TablePageBase(string title)
    {
        Title = title;
        Table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_caption),
            Width = Dim.Fill(),
            Height = Dim.Fill(Dim.Func(_ => _notes.Frame.Height)),
            FullRowSelect = true,
        };
        Table.Style.ShowHorizontalHeaderOverline = false;
        Table.Style.ShowHorizontalBottomLine = false;
        Table.Style.ExpandLastColumn = false;
        Content = new View { Title = title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _caption.TextFormatter.WordWrap = true;
        _notes.TextFormatter.WordWrap = true;
        Content.Add(_caption, Table, _notes);
        Table.FrameChanged += (_, _) => ShowNotes();
    }

    public string Title { get; }

    public View Content { get; }

    public TableView Table { get; }

    public View? KeyTarget => Table;

    public abstract void Refresh(Workbench workbench, ResultSelection selection);

    protected void Show(string caption, TableRows rows, string notes = "")
    {
        _caption.Text = caption;
        _rows = rows;
        _pageNotes = notes;
        ShowNotes();
        Table.Table = new TableRowsSource(rows);
        for (int c = 1; c < rows.Headers.Count; c++)
            Table.Style.GetOrCreateColumnStyle(c).Alignment = Terminal.Gui.ViewBase.Alignment.End;
        Table.Update();
    }

    /// <summary>True when the columns (with one separator each) are wider than the table shows.</summary>
    public bool Overflows => _rows is { } rows && Table.Viewport.Width > 0 && Width(rows) > Table.Viewport.Width;

    private void ShowNotes()
    {
        string notes = Overflows ? (_pageNotes.Length == 0 ? MoreToTheRight : $"{_pageNotes}\n{MoreToTheRight}") : _pageNotes;
        if (_notes.Text != notes) _notes.Text = notes;
    }

    private static int Width(TableRows rows) => Enumerable.Range(0, rows.Headers.Count)
        .Sum(c => rows.Rows.Select(r => c < r.Count ? r[c].Length : 0).Append(rows.Headers[c].Length).Max() + 1) + 1;
}
