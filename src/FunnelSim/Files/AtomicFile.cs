using System.Text;

namespace FunnelSim.Files;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a half-written
/// file: the text goes to a temporary file in the same folder, which then replaces the target by a rename. A symbolic
/// link is followed and its target replaced (the link stays a link); an existing file keeps its permissions. A character
/// device (<c>/dev/null</c>, a terminal) or a FIFO is written through, as a shell's <c>&gt;</c> would: renaming over it
/// would replace the device node or pipe with a regular file. A regular file with more than one hard link is rewritten
/// in place, after the new content has been written in full to a temporary file (so a full disk fails before the
/// target is touched): a rename would split the link, leaving the other names with the old content.
/// </summary>
public static class AtomicFile
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
        string full = FinalTarget(Path.GetFullPath(path));
        var kind = FileKinds.Of(full);
        if (kind is FileKind.CharacterDevice or FileKind.Fifo or FileKind.BlockDevice or FileKind.Socket)
        {
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }
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
            if (kind == FileKind.Regular && FileKinds.LinkCount(full) > 1)
            {
                CopyInto(temporary, full);
                return;
            }
            if (kind == FileKind.Regular && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Copies the complete <paramref name="temporary"/> file over the content of <paramref name="target"/>, in its own
    /// inode: every hard link to it sees the new content, and it keeps its owner and mode.
    /// </summary>
    private static void CopyInto(string temporary, string target)
    {
        using var source = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var destination = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        source.CopyTo(destination);
        destination.SetLength(source.Length);
        destination.Flush(flushToDisk: true);
    }

    /// <summary>
    /// The path a chain of symbolic links ends at (the path itself when it is no link). A link the system follows to
    /// something without a path (<c>/dev/stdout</c> → <c>/proc/self/fd/1</c> → <c>pipe:[…]</c>) stays as given.
    /// </summary>
    internal static string FinalTarget(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null) return full;
        string? target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (target is null) return full;
        bool reachable = File.Exists(full) || Directory.Exists(full);
        return reachable && !File.Exists(target) && !Directory.Exists(target) ? full : target;
    }
}
