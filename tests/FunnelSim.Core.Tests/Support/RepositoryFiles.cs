namespace FunnelSim.Core.Tests.Support;

/// <summary>Files of the repository the tests run from (found by walking up to <c>FunnelSim.sln</c>).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository's root folder (the one holding <c>FunnelSim.sln</c>).</summary>
    public static string RootDirectory => Root.Value;

    /// <summary>The <c>scenarios/</c> folder.</summary>
    public static string ScenariosDirectory => Path.Combine(Root.Value, "scenarios");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunnelSim.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no folder containing FunnelSim.sln above {AppContext.BaseDirectory}");
    }
}
