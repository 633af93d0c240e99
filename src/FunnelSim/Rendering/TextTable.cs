using System.Text;

namespace FunnelSim.Rendering;

/// <summary>Lays out rows of text in aligned columns: the first left-aligned, the others right-aligned.</summary>
public static class TextTable
{
    /// <summary>One line per row, headers first, columns separated by two spaces.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        int columns = headers.Count;
        var widths = Enumerable.Range(0, columns).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        return all.Select(row =>
        {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++)
            {
                string cell = c < row.Count ? row[c] : "";
                if (c > 0) line.Append("  ");
                line.Append(c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            }
            return line.ToString().TrimEnd();
        }).ToList();
    }
}
