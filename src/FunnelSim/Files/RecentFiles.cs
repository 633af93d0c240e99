using System.Text.Json;

namespace FunnelSim.Files;

/// <summary>
/// The scenario files opened or saved lately, newest first, kept in the user's configuration folder
/// (<c>~/.config/funnelsim/recent.json</c> on Linux). A missing, unreadable or corrupt list is treated as empty and
/// rewritten on the next change: the list is a convenience, never a reason to fail.
/// </summary>
public sealed class RecentFiles(string storePath)
{
    /// <summary>How many files are remembered.</summary>
    public const int Capacity = 10;

    // Ten paths fit in a few kilobytes; anything much larger is not a list this program wrote.
    private const int MaxStoreBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The list in the user's configuration folder.</summary>
    public static RecentFiles ForCurrentUser() => new(Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "funnelsim", "recent.json"));

    /// <summary>Where the list is stored.</summary>
    public string StorePath => storePath;

    /// <summary>The remembered files, newest first.</summary>
    public IReadOnlyList<string> Load()
    {
        try
        {
            if (!File.Exists(storePath)) return [];
            // Bounded by bytes actually read: a list linked to a device such as /dev/zero is treated as corrupt.
            if (Json.BoundedFile.ReadAllBytes(storePath, MaxStoreBytes) is not { } bytes) return [];
            var files = JsonSerializer.Deserialize<List<string>>(bytes);
            return files?.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).Take(Capacity).ToList() ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return [];
        }
    }

    /// <summary>Puts <paramref name="file"/> first; returns false when the list could not be written.</summary>
    public bool Add(string file)
    {
        string full = Path.GetFullPath(file);
        var files = Load().Where(f => f != full).Prepend(full).Take(Capacity).ToList();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
            AtomicFile.WriteAllText(storePath, JsonSerializer.Serialize(files, Indented));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
