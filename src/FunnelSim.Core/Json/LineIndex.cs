namespace FunnelSim.Json;

/// <summary>
/// Turns byte offsets in UTF-8 JSON into 1-based lines and columns. Columns count characters (UTF-16 code units, as
/// <see cref="System.Text.Encoding.UTF8"/> decodes them), not bytes, so they match what an editor shows on a line with
/// non-ASCII text.
/// </summary>
/// <remarks>
/// A lookup costs at most one checkpoint interval of bytes, whatever the line length: a minified file is one line of
/// megabytes, and counting from the line start on every token made reading it quadratic (issue 12, item 10).
/// </remarks>
internal sealed class LineIndex
{
    private const int CheckpointShift = 8;

    private readonly byte[] text;
    private readonly List<int> lineStarts = [0];
    // charsBefore[k] = characters in text[0 .. k · 256): a column is the difference of two such counts.
    private readonly int[] charsBefore;

    public LineIndex(byte[] text)
    {
        this.text = text;
        charsBefore = new int[(text.Length >> CheckpointShift) + 1];
        int chars = 0;
        // Only LF ends a line: that is how System.Text.Json counts the line numbers it reports.
        for (int i = 0; i < text.Length; i++)
        {
            if ((i & ((1 << CheckpointShift) - 1)) == 0) charsBefore[i >> CheckpointShift] = chars;
            byte b = text[i];
            chars += CharsOf(b);
            if (b == (byte)'\n') lineStarts.Add(i + 1);
        }
        if ((text.Length & ((1 << CheckpointShift) - 1)) == 0) charsBefore[text.Length >> CheckpointShift] = chars;
    }

    /// <summary>Bytes examined by lookups so far (tests check that it stays proportional to the lookups, not the line length).</summary>
    internal long BytesScanned { get; private set; }

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

    private int ColumnOf(int lineStart, int offset) => CharsBefore(offset) - CharsBefore(lineStart) + 1;

    private int CharsBefore(int offset)
    {
        int checkpoint = offset >> CheckpointShift;
        int chars = charsBefore[checkpoint];
        for (int i = checkpoint << CheckpointShift; i < offset; i++) chars += CharsOf(text[i]);
        BytesScanned += offset - (checkpoint << CheckpointShift);
        return chars;
    }

    // Characters a byte adds: none for a continuation byte, two for the lead byte of a four-byte sequence (a surrogate
    // pair), one otherwise. Exact for valid UTF-8, which is all that is ever positioned past the first invalid byte.
    private static int CharsOf(byte b) => (b & 0xC0) == 0x80 ? 0 : b is >= 0xF0 and <= 0xF4 ? 2 : 1;
}
