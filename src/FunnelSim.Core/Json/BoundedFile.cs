namespace FunnelSim.Json;

/// <summary>
/// Reads whole input files with a size bound counted in bytes actually read, never in the length the file system
/// reports: <c>/dev/zero</c>, a FIFO or <c>/proc</c> file reports 0 (or nothing) and would otherwise be read until
/// memory runs out (issue 12, item 11).
/// </summary>
public static class BoundedFile
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The contents of <paramref name="path"/>, or null when it holds more than <paramref name="maxBytes"/> bytes (at most
    /// <paramref name="maxBytes"/> + 1 bytes are read to find out). Throws the usual I/O exceptions for an unreadable file
    /// and <see cref="OperationCanceledException"/> when cancelled between chunks.
    /// </summary>
    public static byte[]? ReadAllBytes(string path, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            bufferSize: 1, FileOptions.SequentialScan);
        // A regular file's length is a good first guess for the buffer; it is never trusted as the bound.
        long reported = 0;
        try
        {
            if (stream.CanSeek) reported = stream.Length;
        }
        catch (IOException)
        {
        }
        var buffer = new byte[(int)Math.Clamp(reported + 1, 1, (long)maxBytes + 1)];
        int filled = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filled == buffer.Length)
            {
                if (filled > maxBytes) return null;
                Array.Resize(ref buffer, (int)Math.Min((long)maxBytes + 1, Math.Max((long)buffer.Length * 2, ChunkBytes)));
            }
            int read = stream.Read(buffer, filled, Math.Min(ChunkBytes, buffer.Length - filled));
            if (read == 0) break;
            filled += read;
        }
        if (filled > maxBytes) return null;
        if (filled != buffer.Length) Array.Resize(ref buffer, filled);
        return buffer;
    }
}
