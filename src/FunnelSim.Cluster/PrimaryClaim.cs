namespace FunnelSim.Cluster;

/// <summary>
/// The right to be the <c>localhost</c> primary for a silo port: an exclusive lock on a file in the temporary folder,
/// held while the primary runs and released by the system when its process ends, however it ends. Ports alone cannot
/// decide it: Orleans binds with address reuse, so several workers started at once could all bind the primary's ports and
/// each become a cluster of one.
/// </summary>
public sealed class PrimaryClaim : IDisposable
{
    private readonly FileStream _lock;

    private PrimaryClaim(FileStream @lock) => _lock = @lock;

    /// <summary>The lock file for <paramref name="siloPort"/>.</summary>
    public static string PathFor(int siloPort) => Path.Combine(Path.GetTempPath(), $"funnelsim-localhost-{siloPort}.lock");

    /// <summary>Takes the claim, or returns null when another live worker holds it.</summary>
    public static PrimaryClaim? TryTake(int siloPort)
    {
        try
        {
            return new PrimaryClaim(new FileStream(PathFor(siloPort), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Releases the claim.</summary>
    public void Dispose() => _lock.Dispose();
}
