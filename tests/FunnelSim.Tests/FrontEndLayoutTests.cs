using System.Text.RegularExpressions;

namespace FunnelSim.Tests;

/// <summary>
/// The front end's namespaces point one way: the terminal UI and the command line both use the shared renderers
/// (FunnelSim.Rendering) and file helpers (FunnelSim.Files); the UI never uses the command line, and the shared
/// pieces use neither front end. Checked on the source, so a new back edge fails here with the file that made it.
/// </summary>
public class FrontEndLayoutTests
{
    private static string Source(string folder) => Path.Combine(CliHarness.RepositoryRoot, "src", "FunnelSim", folder);

    [Theory]
    [InlineData("Ui", "Cli")]
    [InlineData("Rendering", "Cli")]
    [InlineData("Rendering", "Ui")]
    [InlineData("Files", "Cli")]
    [InlineData("Files", "Ui")]
    public void AFolderNeverReferencesTheNamespaceItMustNotKnow(string folder, string forbidden)
    {
        var pattern = new Regex($@"\bFunnelSim\.{forbidden}\b|(?<![\w.]){forbidden}\.[A-Z]");
        var offenders = Directory.EnumerateFiles(Source(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(CliHarness.RepositoryRoot, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, $"src/FunnelSim/{folder} references FunnelSim.{forbidden}:\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void TheCoresFormattingIsUsedOnlyByTheReportsAboveIt()
    {
        string core = Path.Combine(CliHarness.RepositoryRoot, "src", "FunnelSim.Core");
        string[] above = ["obj", "bin", "Formatting", "Reporting", "Export"];
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !above.Any(folder => Path.GetRelativePath(core, f).Split(Path.DirectorySeparatorChar)[0] == folder))
            .Where(f => File.ReadAllText(f).Contains("FunnelSim.Formatting", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }
}
