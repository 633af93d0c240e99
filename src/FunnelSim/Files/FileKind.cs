using System.Runtime.InteropServices;

namespace FunnelSim.Files;

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

    /// <summary>
    /// How many hard links the file at <paramref name="path"/> has (following symbolic links); 1 where the system cannot
    /// tell (Windows, a C library without <c>statx</c>).
    /// </summary>
    public static long LinkCount(string path)
    {
        if (!OperatingSystem.IsLinux()) return 1;
        try
        {
            // struct statx has one layout on every Linux architecture: u32 stx_nlink at byte 16.
            var status = new byte[256];
            return StatX(AtCurrentDirectory, path, 0, StatXLinkCount, status) == 0 ? BitConverter.ToUInt32(status, 16) : 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 1;
        }
    }

    private const int AtCurrentDirectory = -100; // AT_FDCWD
    private const uint StatXLinkCount = 0x4;     // STATX_NLINK

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code; a pinned byte[] is all this needs.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] output);
#pragma warning restore SYSLIB1054
}
