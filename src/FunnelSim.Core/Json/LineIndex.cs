using System.Text;

namespace FunnelSim.Json;

/// <summary>
/// Turns byte offsets in UTF-8 JSON into 1-based lines and columns. Columns count characters, not bytes, so
/// they match what an editor shows on a line with non-ASCII text.
/// </summary>
internal sealed class LineIndex
{
    private readonly byte[] text;
    private readonly List<int> lineStarts = [0];

    public LineIndex(byte[] text)
    {
        this.text = text;
        // Only LF ends a line: that is how System.Text.Json counts the line numbers it reports.
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n') lineStarts.Add(i + 1);
        }
    }

    /// <summary>Line and column of the byte at <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(long offset)
    {
        int clamped = (int)Math.Clamp(offset, 0, text.Length);
        int line = lineStarts.BinarySearch(clamped);
        if (line < 0) line = ~line - 1;
        return (line + 1, ColumnOf(lineStarts[line], clamped));
    }

    /// <summary>Line and column from a 0-based line number and byte position within it, as JsonException reports them.</summary>
    public (int Line, int Column) At(long line, long bytePositionInLine)
    {
        int index = (int)Math.Clamp(line, 0, lineStarts.Count - 1);
        int start = lineStarts[index];
        int offset = (int)Math.Clamp(start + bytePositionInLine, start, text.Length);
        return (index + 1, ColumnOf(start, offset));
    }

    private int ColumnOf(int lineStart, int offset) => Encoding.UTF8.GetCharCount(text, lineStart, offset - lineStart) + 1;
}
