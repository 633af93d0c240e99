using System.Text.Json.Nodes;
using FunnelSim.Cli;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

public partial class ReliabilityTests
{
    /// <summary>Standard error that cancels the run once <paramref name="trigger"/> has been written.</summary>
    private sealed class CancelAfter(string trigger, TerminationSignals signals) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(trigger, StringComparison.Ordinal)) signals.Raise(ExitCodes.Cancelled);
        }
    }

    private static Outcome RunCancelledAfter(string trigger, params string[] args)
    {
        using var signals = TerminationSignals.Manual();
        var output = new StringWriter();
        var error = new CancelAfter(trigger, signals);
        int code = FunnelSimCli.RunAsync(args, new CliContext(output, error, ErrorIsTerminal: false), signals)
            .GetAwaiter().GetResult();
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>Valid, but over $11 trillion a year: the engine refuses it (a plan as large as its population, a $100M dose).</summary>
    private static string Unsimulatable(TempFolder temp, string name = "too-much-money.json")
    {
        var json = JsonNode.Parse(File.ReadAllText(Scenario("payer-commercial-1m.json")))!;
        json["population"]!["members"] = 340_000_000;
        json["costs"]!["drugPerDose"] = 100_000_000;
        foreach (var indication in json["indications"]!.AsArray())
            indication!["incidence"] = (indication["incidence"]!["value"] ?? indication["incidence"]!["mode"])!.GetValue<double>() * 100;
        string path = temp.File(name);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static string Copy(TempFolder temp, string scenario, string name)
    {
        string path = temp.File(name);
        File.Copy(Scenario(scenario), path);
        return path;
    }

    [Fact]
    public void A_batch_item_that_cannot_be_simulated_never_stops_the_others_and_the_index_is_written()
    {
        using var temp = new TempFolder();
        string first = Copy(temp, "us-national-base.json", "a.json");
        string bad = Unsimulatable(temp, "b.json");
        string last = Copy(temp, "us-national-base.json", "c d.json");
        string output = temp.File("out");

        var outcome = Run("batch", first, bad, last, "--out-dir", output, "--iterations", "200");

        Assert.Equal(ExitCodes.InvalidInput, outcome.ExitCode);
        Assert.Contains("b.json: failed: a money amount reached", outcome.Error);
        Assert.True(File.Exists(Path.Combine(output, "a.results.json")));
        Assert.True(File.Exists(Path.Combine(output, "c-d.results.json")));
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "batch.json")))!;
        var items = index["items"]!.AsArray();
        Assert.Equal(["ok", "failed", "ok"], items.Select(i => i!["status"]!.GetValue<string>()));
        // The index says which result file holds which scenario's results, even where the name was sanitised.
        Assert.Equal(last, items[2]!["input"]!.GetValue<string>());
        Assert.Equal("c-d.results.json", items[2]!["file"]!.GetValue<string>());
        Assert.Contains("batch: 2 written, 1 failed", outcome.Error);
    }

    [Fact]
    public void A_sweep_point_that_cannot_be_simulated_never_stops_the_others_and_the_summary_is_written()
    {
        using var temp = new TempFolder();
        Unsimulatable(temp, "base.json");
        string sweep = temp.File("price.sweep.json");
        File.WriteAllText(sweep, """{ "base": "base.json", "axes": [ { "path": "costs.drugPerDose", "values": [100000000, 10, 20] } ] }""");
        string output = temp.File("out");

        var outcome = Run("batch", "--sweep", sweep, "--out-dir", output, "--iterations", "200");

        Assert.Equal(ExitCodes.InvalidInput, outcome.ExitCode);
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "sweep.json")))!;
        Assert.Equal(["failed", "ok", "ok"], index["points"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "sweep.csv")).Select(l => l.Split(',')[0]).Distinct().Count());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("/./")]
    public void Batch_output_folder_with_a_trailing_slash_is_the_same_folder(string tail)
    {
        // Before: "… would leave the output folder" after the first scenario had run.
        using var temp = new TempFolder();
        string output = temp.File("out");

        var outcome = Run("batch", Scenario("us-national-base.json"), "--out-dir", output + tail, "--iterations", "200");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "us-national-base.results.json")));
    }

    [Fact]
    public void Batch_into_its_own_folder_skips_its_results_and_index()
    {
        using var temp = new TempFolder();
        Copy(temp, "us-national-base.json", "base.json");

        var first = Run("batch", temp.Path, "--out-dir", temp.Path, "--iterations", "200");
        var second = Run("batch", temp.Path, "--out-dir", temp.Path, "--iterations", "200");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("batch: 1 written, 0 failed", second.Error);
        Assert.False(File.Exists(temp.File("base.results.results.json")));
    }

    [Fact]
    public void A_cancelled_batch_says_truly_what_it_wrote_and_keeps_the_complete_index()
    {
        using var temp = new TempFolder();
        string a = Copy(temp, "us-national-base.json", "a.json");
        string b = Copy(temp, "us-national-base.json", "b.json");
        string output = temp.File("out");
        Assert.Equal(ExitCodes.Success, Run("batch", a, b, "--out-dir", output, "--iterations", "200").ExitCode);
        string complete = File.ReadAllText(Path.Combine(output, "batch.json"));

        var outcome = RunCancelledAfter("a.json: wrote", "batch", a, b, "--out-dir", output, "--iterations", "200");

        Assert.Equal(ExitCodes.Cancelled, outcome.ExitCode);
        Assert.DoesNotContain("no output was written", outcome.Error);
        Assert.Contains("1 result file was written", outcome.Error);
        Assert.Equal(complete, File.ReadAllText(Path.Combine(output, "batch.json")));
        Assert.True(File.Exists(Path.Combine(output, "batch.partial.json")));
    }

    [Fact]
    public void A_cancelled_sweep_rerun_never_replaces_the_complete_summary()
    {
        using var temp = new TempFolder();
        string sweep = temp.File("uptake.sweep.json");
        File.WriteAllText(sweep, $$"""{ "base": "{{Scenario("us-national-base.json")}}", "axes": [ { "path": "indications[0].testing.uptake.value", "values": [0.5, 0.6, 0.7] } ] }""");
        string output = temp.File("out");
        Assert.Equal(ExitCodes.Success, Run("batch", "--sweep", sweep, "--out-dir", output, "--iterations", "200").ExitCode);
        string csv = File.ReadAllText(Path.Combine(output, "sweep.csv"));
        string index = File.ReadAllText(Path.Combine(output, "sweep.json"));

        // Before: sweep.csv and sweep.json rewritten with the points of the cancelled run only.
        var duringFirst = RunCancelledAfter("point 0", "batch", "--sweep", sweep, "--out-dir", output, "--iterations", "200");
        var duringSecond = RunCancelledAfter("wrote point-0", "batch", "--sweep", sweep, "--out-dir", output, "--iterations", "200");

        Assert.Equal(ExitCodes.Cancelled, duringFirst.ExitCode);
        Assert.Equal(ExitCodes.Cancelled, duringSecond.ExitCode);
        Assert.Equal(csv, File.ReadAllText(Path.Combine(output, "sweep.csv")));
        Assert.Equal(index, File.ReadAllText(Path.Combine(output, "sweep.json")));
        var partial = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "sweep.partial.json")))!;
        Assert.Single(partial["points"]!.AsArray());
    }

    [Fact]
    public void A_second_sweep_into_the_same_folder_is_refused_and_a_rerun_is_not()
    {
        using var temp = new TempFolder();
        string one = temp.File("one.sweep.json");
        string two = temp.File("two.sweep.json");
        string basePath = Scenario("us-national-base.json");
        File.WriteAllText(one, $$"""{ "base": "{{basePath}}", "axes": [ { "path": "indications[0].testing.uptake.value", "values": [0.5, 0.6] } ] }""");
        File.WriteAllText(two, $$"""{ "base": "{{basePath}}", "axes": [ { "path": "indications[0].testing.uptake.value", "values": [0.55, 0.65] } ] }""");
        string output = temp.File("out");
        Assert.Equal(ExitCodes.Success, Run("batch", "--sweep", one, "--out-dir", output, "--iterations", "200").ExitCode);

        var other = Run("batch", "--sweep", two, "--out-dir", output, "--iterations", "200");
        var again = Run("batch", "--sweep", one, "--out-dir", output, "--iterations", "200");

        Assert.Equal(ExitCodes.InvalidInput, other.ExitCode);
        Assert.Contains("holds the results of another sweep", other.Error);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
    }

    [Fact]
    public void A_long_legal_output_name_is_written()
    {
        using var temp = new TempFolder();
        string name = new string('r', 230) + ".json";

        var outcome = Run("run", "--iterations", "200", "--out", temp.File(name));

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.True(File.Exists(temp.File(name)));
    }
}
