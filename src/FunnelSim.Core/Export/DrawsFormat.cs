namespace FunnelSim.Export;

/// <summary>File formats of the per-iteration draws.</summary>
public enum DrawsFormat
{
    /// <summary>Apache Parquet: typed columns, a row group per block of iterations, Snappy compression.</summary>
    Parquet,

    /// <summary>CSV for spreadsheets: a header row, then one row per iteration × indication × year.</summary>
    Csv,
}

/// <summary>The draws format a file name asks for.</summary>
public static class DrawsFormats
{
    /// <summary>Parquet for <c>.parquet</c>, CSV for <c>.csv</c> (any case); null for any other extension.</summary>
    public static DrawsFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase)) return DrawsFormat.Parquet;
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return DrawsFormat.Csv;
        return null;
    }

    /// <summary>The file extension of <paramref name="format"/>, with its dot.</summary>
    public static string Extension(DrawsFormat format) => format == DrawsFormat.Parquet ? ".parquet" : ".csv";
}
