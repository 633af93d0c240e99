using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunnelSim.Core.Tests.Support;

namespace FunnelSim.Core.Tests.Scenarios;

/// <summary>
/// Every <c>source</c> in <c>scenarios/</c> cites a publication and/or a section of <c>docs/evidence.md</c> that exists,
/// and nothing outside the repository.
/// </summary>
public sealed partial class SourcesTests
{
    private static readonly Lazy<HashSet<string>> Anchors = new(() =>
    [
        .. File.ReadAllLines(Path.Combine(RepositoryFiles.RootDirectory, "docs", "evidence.md"))
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l[3..].Trim().ToLowerInvariant().Replace(' ', '-'), "[^a-z0-9-]", "")),
    ]);

    public static TheoryData<string> Files() =>
    [
        .. Directory.GetFiles(RepositoryFiles.ScenariosDirectory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryFiles.ScenariosDirectory, f))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void EverySourceCitesWithinTheRepository(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.ScenariosDirectory, file));
        var problems = new List<string>();
        foreach (var (path, source) in Sources(JsonNode.Parse(text), ""))
        {
            if (source.Contains("EVIDENCE", StringComparison.Ordinal) || source.Contains("/work/", StringComparison.Ordinal)
                || source.Contains("shared/", StringComparison.Ordinal))
                problems.Add($"{path}: cites outside the repository: {source}");
            foreach (Match m in Link().Matches(source))
            {
                if (!Anchors.Value.Contains(m.Groups[1].Value)) problems.Add($"{path}: docs/evidence.md has no section #{m.Groups[1].Value}");
            }
        }
        Assert.DoesNotContain("EVIDENCE", text, StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void TheBaseCaseCitesEvidenceSectionsThroughout()
    {
        var sources = Sources(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json"))), "").ToList();
        Assert.True(sources.Count > 50);
        Assert.All(sources, s => Assert.Matches(Link(), s.Source));
    }

    private static IEnumerable<(string Path, string Source)> Sources(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    string child = path.Length == 0 ? key : $"{path}.{key}";
                    if (key.EndsWith("source", StringComparison.Ordinal) && value is JsonValue v && v.TryGetValue(out string? s)) yield return (child, s);
                    else foreach (var found in Sources(value, child)) yield return found;
                }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    foreach (var found in Sources(a[i], $"{path}[{i}]")) yield return found;
                break;
        }
    }

    [GeneratedRegex(@"docs/evidence\.md#([a-z0-9-]+)")]
    private static partial Regex Link();
}
