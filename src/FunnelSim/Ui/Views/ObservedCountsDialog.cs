using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Ui.Calibrating;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>The observed counts a calibration uses, and what to call them in the posterior's sources.</summary>
/// <param name="Observations">The counts, as the core read them.</param>
/// <param name="Label">The file's name, or a phrase for counts typed in the UI.</param>
internal sealed record ObservedInput(IReadOnlyList<Observation> Observations, string Label);

/// <summary>
/// Run › Calibrate…: observed counts typed as rows (indication or total, year, metric, value, optional fraction of the
/// year), or loaded from a file and then edited. Every change is read by the core as an observed-counts file is
/// (<see cref="ObservedRows"/>): a row with a problem is marked <c>!</c> and its messages, in the command line's words,
/// are listed under the rows; Calibrate runs only when every row reads.
/// </summary>
internal sealed class ObservedCountsDialog : Dialog
{
    /// <summary>What typed counts are called in the posterior's sources.</summary>
    public const string TypedLabel = "observed counts typed in the terminal UI";

    private static readonly (string Header, int Width)[] Columns =
        [("Indication", 12), ("Year", 6), ("Metric", 16), ("Value", 10), ("Fraction", 9)];

    private readonly CompiledModel _model;
    private readonly Func<string?> _askFile;
    private readonly View _rowsView = new() { X = 0, Width = Dim.Fill(), CanFocus = true, TabStop = TabBehavior.TabStop };
    private readonly Label _problems = new() { X = 1, Width = Dim.Fill(1), Height = Dim.Auto(), SchemeName = "Error" };
    private readonly Label _status = new() { X = 1, Width = Dim.Fill(1), Height = 1 };
    private readonly List<ObservedRow> _rows = [];
    private readonly List<(Label Mark, TextField[] Cells)> _inputs = [];
    private string? _loadedFrom;
    private int? _lastRow;
    private bool _edited;

    public ObservedCountsDialog(CompiledModel model, IReadOnlyList<ObservedRow> rows, Func<string?> askFile)
    {
        _model = model;
        _askFile = askFile;
        Title = "Calibrate to observed counts";
        Width = Dim.Percent(95);
        Height = Dim.Percent(90);
        var scenario = model.Scenario;
        string ids = string.Join(", ", scenario.Indications.Select(i => i.Id).Append(Observation.Total));
        var hint = new Label
        {
            X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Auto(),
            Text = $"One row per yearly count: indication ({ids}), year ({scenario.StartYear}–{scenario.StartYear + model.Years - 1}), " +
                   "metric (a count such as tested, identified or treatedNew), value, and the part of the year observed " +
                   "(empty: the whole year). Tab moves between cells.",
        };
        hint.TextFormatter.WordWrap = true;
        int x = 4;
        var headers = new View { X = 0, Y = Pos.Bottom(hint), Width = Dim.Fill(), Height = 1 };
        foreach (var (header, width) in Columns)
        {
            headers.Add(new Label { X = x, Y = 0, Text = header });
            x += width + 1;
        }
        _rowsView.Y = Pos.Bottom(headers);
        _rowsView.Height = Dim.Fill(Dim.Func(_ => _problems.Frame.Height + 2));
        _rowsView.ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        _problems.Y = Pos.Bottom(_rowsView);
        _problems.TextFormatter.WordWrap = true;
        _status.Y = Pos.Bottom(_problems);
        Add(hint, headers, _rowsView, _problems, _status);

        var add = new Button { Text = "_Add row" };
        var remove = new Button { Text = "_Remove row" };
        var load = new Button { Text = "_Load file…" };
        // Enter in a cell asks to calibrate: nothing runs until every row reads, so it is never a surprise.
        var calibrate = new Button { Text = "_Calibrate", IsDefault = true };
        var cancel = new Button { Text = "Cancel" };
        foreach (var button in new[] { add, remove, load, calibrate, cancel }) AddButton(button);
        add.Accepting += (_, e) => { e.Handled = true; AddRow(); };
        remove.Accepting += (_, e) => { e.Handled = true; RemoveRow(); };
        load.Accepting += (_, e) => { e.Handled = true; LoadFile(); };
        calibrate.Accepting += (_, e) => { e.Handled = true; Submit(); };
        cancel.Accepting += (_, e) => { e.Handled = true; RequestStop(); };

        _rows.AddRange(rows.Count > 0 ? rows : [new ObservedRow()]);
        Rebuild(focusRow: 0);
    }

    /// <summary>The counts to calibrate to, once Calibrate was pressed with every row valid; null otherwise.</summary>
    public ObservedInput? Counts { get; private set; }

    /// <summary>The rows as they stand (kept by the window for the next calibration).</summary>
    public IReadOnlyList<ObservedRow> Rows => _rows;

    /// <summary>The cell inputs of row <paramref name="row"/> (tests).</summary>
    public TextField[] CellsOf(int row) => _inputs[row].Cells;

    /// <summary>The core's reading of the rows as they stand.</summary>
    public ObservedLoadResult Validation { get; private set; } = new(null, []);

    public static ObservedInput? Ask(IApplication app, CompiledModel model, List<ObservedRow> remembered, Func<string?> askFile)
    {
        using var dialog = new ObservedCountsDialog(model, remembered, askFile);
        app.Run(dialog);
        remembered.Clear();
        remembered.AddRange(dialog.Rows.Where(r => !r.IsEmpty));
        return dialog.Counts;
    }

    /// <summary>Adds an empty row after the last and moves to it.</summary>
    public void AddRow()
    {
        _rows.Add(new ObservedRow());
        _edited = true;
        Rebuild(focusRow: _rows.Count - 1);
    }

    /// <summary>Removes the row being edited (else the last); one empty row always remains.</summary>
    public void RemoveRow()
    {
        int row = _lastRow is int last && last < _rows.Count ? last : _rows.Count - 1;
        _rows.RemoveAt(row);
        if (_rows.Count == 0) _rows.Add(new ObservedRow());
        _edited = true;
        Rebuild(focusRow: Math.Min(row, _rows.Count - 1));
    }

    /// <summary>Replaces the rows with those of a file (asked for); a file that cannot be read is named with its problem.</summary>
    public void LoadFile()
    {
        if (_askFile() is not { } path) return;
        var (rows, problem) = ObservedRows.Load(path);
        if (rows is null)
        {
            _status.Text = problem ?? $"{Path.GetFileName(path)} cannot be used.";
            return;
        }
        _rows.Clear();
        _rows.AddRange(rows.Count > 0 ? rows : [new ObservedRow()]);
        _loadedFrom = Path.GetFileName(path);
        _edited = false;
        Rebuild(focusRow: 0);
        if (Validation.IsValid) _status.Text = $"Loaded {rows.Count} row(s) from {_loadedFrom}: all read. Calibrate runs them, or edit them first.";
    }

    /// <summary>Calibrate: closes with the counts when every row reads, else says what to fix and goes to it.</summary>
    public void Submit()
    {
        Validate();
        if (Validation.Observations is { } observations)
        {
            string label = _loadedFrom is null ? TypedLabel : _edited ? $"{_loadedFrom} (edited in the terminal UI)" : _loadedFrom;
            Counts = new ObservedInput(observations, label);
            RequestStop();
            return;
        }
        _status.Text = $"Not calibrated: {Validation.Diagnostics.Count(d => d.IsError)} problem(s) to fix first (listed above).";
        int first = Validation.Diagnostics.Where(d => d.IsError).Select(d => ObservedRows.RowOf(_rows, d)).FirstOrDefault(r => r >= 0, -1);
        if (first >= 0) _inputs[first].Cells[0].SetFocus();
    }

    private void Rebuild(int focusRow)
    {
        foreach (var (mark, cells) in _inputs)
        {
            _rowsView.Remove(mark);
            mark.Dispose();
            foreach (var cell in cells)
            {
                _rowsView.Remove(cell);
                cell.Dispose();
            }
        }
        _inputs.Clear();
        int x = 4;
        for (int r = 0; r < _rows.Count; r++)
        {
            int row = r;
            var mark = new Label { X = 0, Y = r, Width = 4, Text = $"{r + 1}" };
            var values = new[] { _rows[r].Indication, _rows[r].Year, _rows[r].Metric, _rows[r].Value, _rows[r].Fraction };
            var cells = new TextField[Columns.Length];
            x = 4;
            for (int c = 0; c < Columns.Length; c++)
            {
                int column = c;
                var cell = new TextField { X = x, Y = r, Width = Columns[c].Width, Text = values[c] };
                cell.TextChanged += (_, _) => OnCellChanged(row, column, cell.Text);
                cell.HasFocusChanged += (_, e) =>
                {
                    if (!e.NewValue) return;
                    _lastRow = row;
                    ScrollTo(row);
                };
                cells[c] = cell;
                x += Columns[c].Width + 1;
            }
            _rowsView.Add(mark);
            _rowsView.Add(cells);
            _inputs.Add((mark, cells));
        }
        _rowsView.SetContentSize(new System.Drawing.Size(x, Math.Max(1, _rows.Count)));
        Validate();
        _lastRow = Math.Clamp(focusRow, 0, _inputs.Count - 1);
        var first = _inputs[_lastRow.Value].Cells[0];
        first.SetFocus();
        // A button pressed with its Alt+letter takes the focus after its action: give it back to the row once it has.
        App?.Invoke(() => { if (!first.HasFocus && _inputs.Any(i => i.Cells[0] == first)) first.SetFocus(); });
    }

    private void OnCellChanged(int row, int column, string text)
    {
        if (row >= _rows.Count) return;
        var r = _rows[row];
        _rows[row] = column switch
        {
            0 => r with { Indication = text },
            1 => r with { Year = text },
            2 => r with { Metric = text },
            3 => r with { Value = text },
            _ => r with { Fraction = text },
        };
        _edited = true;
        Validate();
    }

    /// <summary>Reads the rows with the core; marks rows with problems and lists the messages.</summary>
    private void Validate()
    {
        Validation = ObservedRows.Validate(_rows, _model);
        var byRow = Validation.Diagnostics.GroupBy(d => ObservedRows.RowOf(_rows, d)).ToDictionary(g => g.Key, g => g.ToList());
        for (int r = 0; r < _inputs.Count; r++)
        {
            bool bad = byRow.ContainsKey(r);
            _inputs[r].Mark.Text = bad ? $"{r + 1} !" : $"{r + 1}";
            _inputs[r].Mark.SchemeName = bad ? "Error" : null;
        }
        int count = _rows.Count(r => !r.IsEmpty);
        var lines = count == 0
            ? ["Type at least one observed count, or Load file…."]
            : byRow.OrderBy(g => g.Key).SelectMany(g => g.Value.Select(d =>
                g.Key < 0 ? d.Message : $"row {g.Key + 1} · {ObservedRows.Describe(d)}")).ToList();
        _problems.Text = string.Join("\n", lines);
        _status.Text = Validation.IsValid
            ? $"{count} observation(s), all read: Calibrate runs them."
            : count == 0 ? "No observations yet." : $"{Validation.Diagnostics.Count(d => d.IsError)} problem(s): fix them to calibrate.";
        SetNeedsLayout();
    }

    private void ScrollTo(int row)
    {
        int height = _rowsView.Viewport.Height;
        if (height <= 0) return;
        int y = _rowsView.Viewport.Y;
        if (row < y) y = row;
        if (row >= y + height) y = row - height + 1;
        if (y != _rowsView.Viewport.Y) _rowsView.Viewport = _rowsView.Viewport with { Y = y };
    }
}
