using System.Text.RegularExpressions;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary><c>run|budget --shard K/N</c> and <c>merge</c> on real files, as a job runner would use them.</summary>
public partial class ShardCommandTests
{
    [Fact]
    public void MergedPartFilesAreTheBytesOfTheUnsplitRun()
    {
        using var temp = new TempFolder();
        string scenario = Scenario("us-national-base.json");
        var whole = Run("run", scenario, "-n", "2500", "--seed", "7", "--out", temp.File("whole.json"));
        Assert.Equal(0, whole.ExitCode);

        var names = new List<string>();
        for (int k = 0; k < 11; k++)
        {
            string part = temp.File($"part-{k}.json");
            var shard = Run("run", scenario, "-n", "2500", "--seed", "7", "--shard", $"{k}/11", "--out", part, "--threads", "1");
            Assert.True(shard.ExitCode == 0, shard.Error);
            Assert.Contains($"shard {k}/11", shard.Error, StringComparison.Ordinal);
            names.Add(part);
        }
        // As a shell glob orders them: part-10 before part-2.
        names.Sort(StringComparer.Ordinal);
        var merged = Run(["merge", .. names, "--out", temp.File("merged.json")]);

        Assert.True(merged.ExitCode == 0, merged.Error);
        Assert.Equal(WithoutTiming(File.ReadAllText(temp.File("whole.json"))), WithoutTiming(File.ReadAllText(temp.File("merged.json"))));
    }

    [Fact]
    public void BudgetShardsMergeIntoWhatBudgetOutWrites()
    {
        using var temp = new TempFolder();
        string scenario = Scenario("payer-commercial-1m.json");
        Assert.Equal(0, Run("budget", scenario, "-n", "1500", "--threshold", "250000", "--out", temp.File("whole.csv")).ExitCode);
        for (int k = 0; k < 2; k++)
        {
            var shard = Run("budget", scenario, "-n", "1500", "--threshold", "250000", "--shard", $"{k}/2", "--out", temp.File($"p{k}.json"));
            Assert.True(shard.ExitCode == 0, shard.Error);
            Assert.Equal("", shard.Out);
        }

        var merged = Run("merge", temp.File("p1.json"), temp.File("p0.json"), "--out", temp.File("merged.csv"));

        Assert.True(merged.ExitCode == 0, merged.Error);
        Assert.Equal(File.ReadAllText(temp.File("whole.csv")), File.ReadAllText(temp.File("merged.csv")));
    }

    [Fact]
    public void AMissingOrDuplicatedPartIsRefusedNamingTheFiles()
    {
        using var temp = new TempFolder();
        for (int k = 0; k < 3; k++)
            Assert.Equal(0, Run("run", "-n", "600", "--shard", $"{k}/3", "--out", temp.File($"part-{k}.json")).ExitCode);
        File.Copy(temp.File("part-1.json"), temp.File("copy.json"));

        var missing = Run("merge", temp.File("part-0.json"), temp.File("part-2.json"), "--out", temp.File("merged.json"));
        var duplicated = Run("merge", temp.File("part-0.json"), temp.File("part-1.json"), temp.File("copy.json"), temp.File("part-2.json"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing shard 1/3", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("merged.json")));
        Assert.Equal(1, duplicated.ExitCode);
        Assert.Contains("shard 1/3 is given more than once", duplicated.Error, StringComparison.Ordinal);
        Assert.Contains("copy.json", duplicated.Error, StringComparison.Ordinal);
        Assert.Equal("", duplicated.Out);
    }

    [Fact]
    public void PartsOfDifferentSeedsAreRefused()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("run", "-n", "600", "--seed", "1", "--shard", "0/2", "--out", temp.File("a.json")).ExitCode);
        Assert.Equal(0, Run("run", "-n", "600", "--seed", "2", "--shard", "1/2", "--out", temp.File("b.json")).ExitCode);

        var merged = Run("merge", temp.File("a.json"), temp.File("b.json"));

        Assert.Equal(1, merged.ExitCode);
        Assert.Contains($"{temp.File("b.json")}: seed 2 differs from {temp.File("a.json")}'s 1", merged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotAPartialIsNamed()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("run", "-n", "300", "--out", temp.File("result.json")).ExitCode);

        var merged = Run("merge", temp.File("result.json"));

        Assert.Equal(1, merged.ExitCode);
        Assert.Contains($"{temp.File("result.json")}: not a partial file", merged.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "3/3")]
    [InlineData("--shard", "x")]
    [InlineData("--shard", "0/2", "--precision", "1%")]
    [InlineData("--shard", "0/2", "--format", "csv")]
    [InlineData("--shard", "5/20", "-n", "10")]
    [InlineData("--shard", "0/20", "-n", "10")]
    public void BadShardOptionsAreUsageErrors(params string[] options)
    {
        var outcome = Run(["run", .. options]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("shard", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", outcome.Out);
    }

    /// <summary>The results JSON without <c>run.threads</c> and <c>run.elapsedSeconds</c>.</summary>
    private static string WithoutTiming(string json) => TimingLine().Replace(json, "");

    [GeneratedRegex(@"^    ""(?:threads|elapsedSeconds)"": [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex TimingLine();
}
