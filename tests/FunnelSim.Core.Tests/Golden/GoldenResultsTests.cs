using System.Text.RegularExpressions;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Golden;

/// <summary>
/// The full results JSON of every shipped scenario (<c>scenarios/*.json</c>) and of the other shapes users write
/// (<c>Golden/Scenarios/</c>: Latin hypercube, rank correlations, both on a plan) at a fixed seed and
/// <see cref="Iterations"/> iterations, on 1 and on 2 threads, compared byte for byte with
/// <c>Golden/NAME.verified.json</c> — one file per scenario, since the thread count must not change a bit.
/// Only the timing fields <c>run.threads</c> and <c>run.elapsedSeconds</c> are removed before comparing.
/// They guard refactoring and speed work on the engine: any change to a number fails here.
/// <para>
/// On a mismatch the actual text is written to <c>Golden/NAME.threads-T.received.json</c> (git-ignored) and the test
/// fails naming it. To regenerate the verified files on purpose (a change meant to alter results):
/// <c>FUNNELSIM_UPDATE_GOLDEN=1 dotnet test tests/FunnelSim.Core.Tests --filter FullyQualifiedName~Golden</c>,
/// review the diff, and say so in the commit. CI (<c>.ci/run</c>) also runs these tests with
/// <c>DOTNET_EnableHWIntrinsic=0</c>, so the vectorised and scalar paths are proven identical.
/// </para>
/// </summary>
public sealed partial class GoldenResultsTests
{
    /// <summary>A full block of the scheduler (2,048) and a partial one, so 2 threads really share the work; not a multiple of 64.</summary>
    private const int Iterations = 3_000;

    private const ulong Seed = 20261124;

    private const string SchemaFileName = "scenario.schema.json";

    private static string GoldenDirectory =>
        Path.Combine(RepositoryFiles.RootDirectory, "tests", "FunnelSim.Core.Tests", "Golden");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ScenarioFiles().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name, 1);
            data.Add(name, 2);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResultsJsonIsUnchanged(string name, int threads)
    {
        var loaded = ScenarioLoader.ReadFile(ScenarioFiles()[name]); // the what-ifs are overlays
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var scenario = loaded.Scenario!;
        scenario = scenario with { Simulation = scenario.Simulation with { Iterations = Iterations, Seed = Seed } };

        var result = Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(Iterations, Seed, threads));

        GoldenFile.Verify(GoldenDirectory, name, WithoutTiming(ResultJson.Write(result)), $".threads-{threads}");
    }

    [Fact]
    public void EveryScenarioHasAVerifiedFileAndNoOtherFileIsLeft()
    {
        var expected = ScenarioFiles().Keys.Select(n => n + ".verified.json").Order(StringComparer.Ordinal);
        var present = Directory.EnumerateFiles(GoldenDirectory, "*.verified.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, present);
    }

    /// <summary>The results JSON without <c>run.threads</c> and <c>run.elapsedSeconds</c>, which vary from run to run.</summary>
    internal static string WithoutTiming(string json)
    {
        var run = RunObject().Match(json);
        Assert.True(run.Success, "no \"run\" object in the results JSON");
        string cleaned = TimingLine().Replace(run.Value, "");
        cleaned = TrailingComma().Replace(cleaned, "\n  }");
        return string.Concat(json.AsSpan(0, run.Index), cleaned, json.AsSpan(run.Index + run.Length));
    }

    /// <summary>Golden name → scenario file: the shipped scenarios and the extra shapes in <c>Golden/Scenarios/</c>.</summary>
    private static Dictionary<string, string> ScenarioFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(RepositoryFiles.ScenariosDirectory, "*.json"))
            if (Path.GetFileName(path) != SchemaFileName)
                files.Add(Path.GetFileNameWithoutExtension(path), path);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(GoldenDirectory, "Scenarios"), "*.json"))
            files.Add(Path.GetFileNameWithoutExtension(path), path);
        return files;
    }

    [GeneratedRegex(@"^  ""run"": \{\n(?:    .*\n)*?  \}", RegexOptions.Multiline)]
    private static partial Regex RunObject();

    [GeneratedRegex(@"^    ""(?:threads|elapsedSeconds)"": [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex TimingLine();

    [GeneratedRegex(@",\n  \}$")]
    private static partial Regex TrailingComma();
}
