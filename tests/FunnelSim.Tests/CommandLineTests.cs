using System.Text.Json;
using FunnelSim.Cli;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>A command line that forgives and explains: typos, numbers, '-', validate on the shipped files, help.</summary>
public class CommandLineTests
{
    [Fact]
    public void AMistypedOptionIsAnUnknownOptionWithTheClosestNeverTheScenario()
    {
        var outcome = Run("run", "--iteratons", "5");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: unknown option '--iteratons'; did you mean '--iterations'?\n", outcome.Error);
        Assert.Contains("Run 'funnelsim run --help' for usage.", outcome.Error);
        Assert.DoesNotContain("cannot read", outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("budget", "x.json", "--treshold", "5", "--threshold")]
    [InlineData("compare", "a.json", "b.json", "--metrc", "--metric")]
    [InlineData("tornado", "--metric", "doses", "--tpo", "--top")]
    [InlineData("drivers", "--max-draw", "5", "--metric", "--max-draws")]
    [InlineData("validate", "--quiet", "x.json", "-", null)]
    [InlineData("batch", "dir", "--out-dr", "o", "--out-dir")]
    [InlineData("run", "--iter", "5", "x", "--iterations")]
    public void EveryCommandReportsUnknownOptions(string command, string a, string b, string c, string? suggestion)
    {
        string[] args = [command, a, b, c];
        string typo = args.First(t => t.StartsWith("--", StringComparison.Ordinal) && t != "--metric");
        var outcome = Run(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(suggestion is null
            ? $"error: unknown option '{typo}'\n"
            : $"error: unknown option '{typo}'; did you mean '{suggestion}'?", outcome.Error);
    }

    [Fact]
    public void AnUnknownCommandSuggestsTheClosest()
    {
        var outcome = Run("rn");
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: unknown command 'rn'; did you mean 'run'?", outcome.Error);

        var far = Run("frobnicate");
        Assert.Equal(2, far.ExitCode);
        Assert.Contains("unknown command 'frobnicate'; the commands are run, budget", far.Error);
    }

    [Fact]
    public void AfterADoubleDashAnArgumentMayStartWithADash()
    {
        var outcome = Run("validate", "--", "--not-an-option.json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--not-an-option.json: error:", outcome.Out);
    }

    [Theory]
    [InlineData("200000", 200_000)]
    [InlineData("200_000", 200_000)]
    [InlineData("200,000", 200_000)]
    [InlineData("2e5", 200_000)]
    [InlineData("2E5", 200_000)]
    [InlineData("2.5e5", 250_000)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData(" 42 ", 42)]
    public void EveryWholeNumberOptionReadsTheSameForms(string text, long expected)
    {
        foreach (var (command, option) in new[] { ("run", "--iterations"), ("budget", "--iterations"), ("run", "--seed"),
                     ("compare", "--seed"), ("tornado", "--iterations"), ("batch", "--seed") })
        {
            var parse = FunnelSimCli.CreateRoot(Context()).Parse([command, option, text]);
            Assert.Equal(expected, parse.GetValue<long?>(option));
        }
        Assert.Equal((int)expected, FunnelSimCli.CreateRoot(Context()).Parse(["tornado", "--top", text]).GetValue<int>("--top"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("2e-1")]
    [InlineData("1,5")]
    [InlineData("1,0000")]
    [InlineData("_1")]
    [InlineData("1__")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    public void AWholeNumberOptionRefusesWhatIsNotAWholeNumber(string text)
    {
        var outcome = Run("run", "--iterations", text);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: --iterations must be a whole number from 1 to 100,000,000", outcome.Error);
    }

    [Theory]
    [InlineData("1e6", 1e6)]
    [InlineData("1,000,000", 1e6)]
    [InlineData("1_000_000", 1e6)]
    [InlineData("$500,000", 5e5)]
    [InlineData("-250,000.50", -250_000.5)]
    [InlineData("2.5e5", 2.5e5)]
    public void AmountsReadTheSameForms(string text, double expected)
    {
        var parse = FunnelSimCli.CreateRoot(Context()).Parse(["budget", "x.json", "--threshold", text]);
        Assert.Empty(parse.Errors);
        Assert.Equal(expected, parse.GetValue<double?>("--threshold"));
    }

    [Fact]
    public void TopGivenTextIsAUsageErrorNamingTheOption()
    {
        foreach (string command in new[] { "tornado", "drivers" })
        {
            var outcome = Run(command, "--metric", "doses", "--top", "abc");
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("error: --top must be a whole number", outcome.Error);
        }
    }

    /// <summary>
    /// Every numeric option of every command, given text, negatives, huge values, empty values and NaN: a usage error
    /// (or, for a value that happens to be valid, the missing scenario's error), never an exception or a stack trace.
    /// </summary>
    [Fact]
    public void OptionFuzzNeverCrashes()
    {
        using var temp = new TempFolder();
        string missing = temp.File("missing.json");
        var commands = new Dictionary<string, string[]>
        {
            ["run"] = ["run", missing],
            ["budget"] = ["budget", missing],
            ["compare"] = ["compare", missing, missing],
            ["tornado"] = ["tornado", missing, "--metric", "doses"],
            ["drivers"] = ["drivers", missing, "--metric", "doses"],
            ["batch"] = ["batch", missing, "--out-dir", temp.File("out")],
            ["report"] = ["report", missing],
        };
        string[] numeric = ["--iterations", "--seed", "--threads", "--threshold", "--precision", "--max-iterations", "--top",
                            "--max-draws", "--year"];
        string[] values = ["abc", "-1", "-0", "0", "1e400", "-1e400", "99999999999999999999999999999", "", " ", "NaN", "Infinity",
                           "1.5", "1e-400", "0x1F", "١٢٣", "1e", "--", "-", "%", "5%", "200%", "1_", ",1", "\u001b[31m"];
        int cases = 0;
        foreach (var (name, prefix) in commands)
        {
            var command = FunnelSimCli.CreateRoot(Context()).Subcommands.Single(c => c.Name == name);
            foreach (string option in numeric.Where(o => command.Options.Any(x => x.Name == o)))
            {
                foreach (string value in values)
                {
                    string[] args = [.. prefix, option, value];
                    if (option == "--max-iterations") args = [.. args, "--precision", "1%"];
                    Outcome outcome;
                    try
                    {
                        outcome = Run(args);
                    }
                    catch (Exception e)
                    {
                        throw new Xunit.Sdk.XunitException($"{string.Join(' ', args)} threw {e}");
                    }
                    cases++;
                    string said = outcome.Out + outcome.Error;
                    Assert.True(outcome.ExitCode is 1 or 2, $"{string.Join(' ', args)} → {outcome.ExitCode}: {said}");
                    Assert.DoesNotContain("   at ", said);
                    Assert.DoesNotContain("Exception", said);
                    Assert.DoesNotContain("\u001b", outcome.Error);
                }
            }
        }
        Assert.True(cases > 300, $"{cases} cases");
    }

    [Fact]
    public void ADashScenarioIsReadFromStandardInput()
    {
        string scenario = File.ReadAllText(Scenario("us-national-base.json"));
        var outcome = RunWithInput(scenario, "run", "-", "--iterations", "300", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Out);
        Assert.Equal(300, document.RootElement.GetProperty("run").GetProperty("iterations").GetInt64());

        var invalid = RunWithInput("{ \"schemaVersion\": 1 }", "validate", "-");
        Assert.Equal(1, invalid.ExitCode);
        Assert.StartsWith("<stdin>: error:", invalid.Out);
        Assert.Equal(0, RunWithInput(scenario, "validate", "-").ExitCode);
    }

    [Fact]
    public void OutDashWritesTheResultsToStandardOutput()
    {
        var run = Run("run", "--iterations", "200", "--out", "-");
        Assert.Equal(0, run.ExitCode);
        using (JsonDocument.Parse(run.Out)) { }
        Assert.DoesNotContain("wrote", run.Error);

        var csv = Run("run", "--iterations", "200", "--out", "-", "--format", "csv");
        Assert.StartsWith("indication,year,metric,", csv.Out);

        // For the commands that print a table, '--out -' prints the machine-readable result instead of the table.
        var tornado = Run("tornado", "--metric", "treatedNew", "--out", "-");
        Assert.Equal(0, tornado.ExitCode);
        using (JsonDocument.Parse(tornado.Out)) { }
    }

    [Fact]
    public void ValidateChecksTheShippedScenariosAndSweepsAndSkipsTheSchema()
    {
        string scenarios = Path.Combine(RepositoryRoot, "scenarios");
        string[] files = [.. Directory.GetFiles(scenarios, "*.json").Order(), .. Directory.GetFiles(Path.Combine(scenarios, "sweeps"), "*.json").Order()];
        var outcome = Run(["validate", .. files]);

        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        Assert.Contains("scenario.schema.json: skipped (a JSON Schema, not a scenario)", outcome.Out);
        Assert.Contains("pdac-uptake-by-rna-share.json: ok (sweep of 9 points)", outcome.Out);
    }

    [Fact]
    public void ValidateChecksASweepAsASweep()
    {
        using var temp = new TempFolder();
        File.Copy(Scenario("us-national-base.json"), temp.File("base.json"));
        File.WriteAllText(temp.File("bad-path.json"),
            """{ "base": "base.json", "axes": [ { "path": "indications[1].testing.uptak.value", "values": [0.3, 0.5] } ] }""");
        File.WriteAllText(temp.File("bad-point.json"),
            """{ "base": "base.json", "axes": [ { "path": "indications[1].testing.uptake.value", "values": [0.3, 1.5] } ] }""");
        File.WriteAllText(temp.File("nul.json"), """{ "base": "a\u0000b.json", "axes": [ { "path": "years", "values": [3] } ] }""");

        var badPath = Run("validate", temp.File("bad-path.json"));
        Assert.Equal(1, badPath.ExitCode);
        Assert.Contains("did you mean 'uptake'", badPath.Out);

        var badPoint = Run("validate", temp.File("bad-point.json"));
        Assert.Equal(1, badPoint.ExitCode);
        Assert.Contains("point 1 (", badPoint.Out);

        var nul = Run("validate", temp.File("nul.json"));
        Assert.Equal(1, nul.ExitCode);
        Assert.Contains("NUL character", nul.Out);
        var sweep = Run("batch", "--sweep", temp.File("nul.json"), "--out-dir", temp.File("out"));
        Assert.Equal(1, sweep.ExitCode);
        Assert.Contains("NUL character", sweep.Error);
    }

    [Fact]
    public void EachCommandsHelpNamesOnlyItsOwnOptions()
    {
        var root = FunnelSimCli.CreateRoot(Context());
        foreach (var command in root.Subcommands)
        {
            var help = Run(command.Name, "--help");
            Assert.Equal(0, help.ExitCode);
            var own = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Append("--help").ToHashSet();
            var mentioned = System.Text.RegularExpressions.Regex.Matches(help.Out, @"(?<![\w-])--[a-z][a-z-]*")
                .Select(m => m.Value).Distinct();
            Assert.All(mentioned, option => Assert.True(own.Contains(option), $"'{command.Name} --help' mentions {option}"));
        }
    }

    [Fact]
    public void TheRootHelpShowsOptionalArgumentsAsOptional()
    {
        var help = Run("--help");
        Assert.Contains("  run [<SCENARIO>]", help.Out);
        Assert.Contains("  budget <SCENARIO>", help.Out);
        Assert.Contains("  compare <A> <B>", help.Out);
        Assert.Contains("  validate <FILE>...", help.Out);
        Assert.Contains("  batch [<DIR|FILE>...]", help.Out);
    }

    [Fact]
    public void VersionIsTheEngineVersionBeforeAnyPlus()
    {
        var outcome = Run("--version");
        Assert.Equal(0, outcome.ExitCode);
        string version = outcome.Out.Trim();
        Assert.Equal(Summaries.Simulator.EngineVersion, version.Split('+')[0]);

        var run = Run("run", "--iterations", "100", "--format", "json");
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(version.Split('+')[0], document.RootElement.GetProperty("run").GetProperty("engineVersion").GetString());
    }

    [Fact]
    public void FileNamesAreEchoedWithControlCharactersEscaped()
    {
        using var temp = new TempFolder();
        string name = temp.File("evil\u001b[31m\nname.json");
        File.WriteAllText(name, "{}");

        var outcome = Run("run", name);

        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain("\u001b", outcome.Error);
        Assert.Contains("evil\\e[31m\\nname.json: error:", outcome.Error);
        Assert.Equal("a\\\\b\\e", Shown.Text("a\\b\u001b"));
        Assert.Equal("plain\\name", Shown.Text("plain\\name"));
    }

    private static CliContext Context() => new(new StringWriter(), new StringWriter(), ErrorIsTerminal: false);
}
