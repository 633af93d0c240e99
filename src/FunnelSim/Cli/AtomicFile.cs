using System.Text;

namespace FunnelSim.Cli;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a half-written
/// file: the text goes to a temporary file in the same folder, which then replaces the target by a rename.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(text);
    });

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes through <paramref name="write"/>; the stream is readable too (the Open XML SDK needs that).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        // Short, whatever the target's length: a legal 255-byte name plus a suffix would exceed the file system's limit.
        string temporary = Path.Combine(folder, $".funnelsim-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
