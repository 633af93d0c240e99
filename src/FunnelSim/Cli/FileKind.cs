using System.Runtime.InteropServices;

namespace FunnelSim.Cli;

/// <summary>What is at a path, following symbolic links: .NET does not tell a device or a FIFO from a regular file.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

internal static class FileKinds
{
    /// <summary>The kind of what <paramref name="path"/> names (after following links).</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        if (OperatingSystem.IsWindows()) return FileKind.Regular;
        try
        {
            // The runtime's own stat shim (libSystem.Native ships with every .NET on Unix): its FileStatus starts with
            // int32 Flags, int32 Mode, where Mode holds the S_IFMT bits with the usual values.
            var status = new byte[256];
            if (Stat(path, status) != 0) return FileKind.Regular;
            return (BitConverter.ToInt32(status, 4) & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return path.StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.CharacterDevice : FileKind.Regular;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code; a pinned byte[] is all this needs.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
#pragma warning restore SYSLIB1054
}
