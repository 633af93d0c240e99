namespace FunnelSim.Export;

/// <summary>Writes blocks of draws, in iteration order, to one file format; <see cref="Finish"/> completes the file.</summary>
internal abstract class DrawsWriter
{
    /// <summary>Appends the rows of <paramref name="block"/> (called by one thread at a time, blocks in iteration order).</summary>
    public abstract void Write(DrawBlock block);

    /// <summary>Completes the file (a Parquet footer; flushing).</summary>
    public abstract void Finish();

    /// <summary>The writer for <paramref name="format"/>.</summary>
    public static DrawsWriter Create(DrawsFormat format, Stream output, DrawColumns columns, IReadOnlyDictionary<string, string> metadata) =>
        format switch
        {
            DrawsFormat.Parquet => DrawsParquet.Create(output, columns, metadata),
            DrawsFormat.Csv => new DrawsCsv(output, columns),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
}
