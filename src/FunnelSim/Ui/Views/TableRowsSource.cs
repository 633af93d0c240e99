using FunnelSim.Rendering;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>Shows a <see cref="TableRows"/> in a <see cref="TableView"/>.</summary>
internal sealed class TableRowsSource(TableRows table) : ITableSource
{
    public object this[int row, int col] => col < table.Rows[row].Count ? table.Rows[row][col] : "";

    public string[] ColumnNames => [.. table.Headers];

    public int Columns => table.Headers.Count;

    public int Rows => table.Rows.Count;
}
