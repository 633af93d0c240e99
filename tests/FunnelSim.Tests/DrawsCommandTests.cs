using System.Globalization;
using System.Text.Json;
using FunnelSim.Cli;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>Issue 14 §3: <c>--draws FILE.parquet|FILE.csv [--draw-metrics …]</c> of run, budget and batch.</summary>
public class DrawsCommandTests
{
    [Fact]
    public void Run_writes_csv_draws_whose_rows_give_the_results()
    {
        using var temp = new TempFolder();
        string draws = temp.File("draws.csv"), results = temp.File("r.json");

        var outcome = Run("run", "--iterations", "300", "--draws", draws, "--draw-metrics", "treatedNew, doses", "--out", results);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Contains("wrote " + draws, outcome.Error);
        var lines = File.ReadAllLines(draws);
        Assert.StartsWith("iteration,indication,year,treatedNew,doses,indications[0].incidence,", lines[0]);
        Assert.Equal(1 + 300 * 4 * 5, lines.Length);
        // The total's treatedNew in the last year: the mean of its 300 rows is the results' mean, exactly.
        long sum = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "total" && f[2] == "2030").Sum(f => long.Parse(f[3], CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse(File.ReadAllText(results));
        var total = json.RootElement.GetProperty("total").GetProperty("years").EnumerateArray().Last();
        Assert.Equal(total.GetProperty("metrics").GetProperty("treatedNew").GetProperty("mean").GetDouble(), sum / 300.0);
    }

    [Fact]
    public void Parquet_draws_are_the_same_bytes_on_one_thread_and_two()
    {
        using var temp = new TempFolder();
        string one = temp.File("one.parquet"), two = temp.File("two.parquet");

        Assert.Equal(ExitCodes.Success, Run("run", "-n", "4500", "--threads", "1", "--draws", one, "--format", "json").ExitCode);
        Assert.Equal(ExitCodes.Success, Run("run", "-n", "4500", "--threads", "2", "--draws", two, "--format", "json").ExitCode);

        byte[] bytes = File.ReadAllBytes(one);
        Assert.Equal(bytes, File.ReadAllBytes(two));
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
    }

    [Fact]
    public void Budget_writes_draws_with_the_cost_metrics_by_default()
    {
        using var temp = new TempFolder();
        string draws = temp.File("d.csv");

        var outcome = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "200", "--draws", draws);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.StartsWith("iteration,indication,year,identified,treatedNew,onTreatment,doses,costWith,costWithout,budgetImpact,",
            File.ReadLines(draws).First());
        Assert.Contains("Budget impact", outcome.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_draws_file_and_never_replaces_a_good_one()
    {
        using var temp = new TempFolder();
        string draws = temp.File("d.parquet");
        Assert.Equal(ExitCodes.Success, Run("run", "-n", "200", "--draws", draws, "--format", "json").ExitCode);
        byte[] good = File.ReadAllBytes(draws);

        // Cancelled once the temporary file is being written: mid-run.
        using var signals = TerminationSignals.Manual();
        var watch = Task.Run(() =>
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!Directory.EnumerateFiles(temp.Path, ".funnelsim-*.tmp").Any(f => new FileInfo(f).Length > 0)
                   && waited.Elapsed < TimeSpan.FromMinutes(5))
                Thread.Sleep(5);
            signals.Raise(ExitCodes.Cancelled);
        });
        var context = new CliContext(new StringWriter(), new StringWriter(), ErrorIsTerminal: false, Input: () => new MemoryStream());
        int replacing = await FunnelSimCli.RunAsync(["run", "-n", "5000000", "--draws", draws, "--format", "json"], context, signals);
        await watch;

        Assert.Equal(ExitCodes.Cancelled, replacing);
        Assert.Equal(good, File.ReadAllBytes(draws));
        Assert.Empty(Directory.EnumerateFiles(temp.Path, ".funnelsim-*"));
    }

    [Fact]
    public void A_misspelt_draw_metric_is_a_usage_error_with_the_closest_name()
    {
        using var temp = new TempFolder();

        var outcome = Run("run", "-n", "100", "--draws", temp.File("d.csv"), "--draw-metrics", "treatedNew,dosse");

        Assert.Equal(ExitCodes.UsageError, outcome.ExitCode);
        Assert.Contains("unknown metric 'dosse'; did you mean 'doses'?", outcome.Error);
        Assert.False(File.Exists(temp.File("d.csv")));
    }

    [Theory]
    [InlineData("d.txt")]
    [InlineData("d")]
    [InlineData("-")]
    public void A_draws_file_of_unknown_extension_is_a_usage_error(string name)
    {
        var outcome = Run("run", "-n", "100", "--draws", name);

        Assert.Equal(ExitCodes.UsageError, outcome.ExitCode);
        Assert.Contains("must end in .parquet or .csv", outcome.Error);
    }

    [Theory]
    [InlineData("run", "--draw-metrics", "doses")]
    [InlineData("batch", "--draw-metrics", "doses")]
    [InlineData("run", "--draws", "d.csv", "--precision", "0.01")]
    [InlineData("batch", "--draws", "sub/d.csv")]
    [InlineData("batch", "--draws", "d.csv", "--draw-metrics", "tretedNew")]
    public void Draws_options_that_do_not_fit_are_usage_errors(params string[] args)
    {
        using var temp = new TempFolder();
        string[] line = args[0] == "batch"
            ? [.. args, Scenario("us-national-base.json"), "--out-dir", temp.File("out"), "-n", "100"]
            : [.. args, "-n", "100"];

        Assert.Equal(ExitCodes.UsageError, Run(line).ExitCode);
        Assert.False(Directory.Exists(temp.File("out")) && Directory.EnumerateFiles(temp.File("out"), "*.csv").Any());
    }

    [Fact]
    public void Batch_names_each_scenarios_draws_after_its_results_and_lists_them_in_the_index()
    {
        using var temp = new TempFolder();
        string output = temp.File("out");

        var outcome = Run("batch", Scenario("us-national-base.json"), Scenario("payer-commercial-1m.json"), "--out-dir", output,
            "-n", "100", "--draws", "draws.parquet");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "us-national-base.draws.parquet")));
        Assert.True(File.Exists(Path.Combine(output, "payer-commercial-1m.draws.parquet")));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "batch.json")));
        Assert.Equal(["us-national-base.draws.parquet", "payer-commercial-1m.draws.parquet"],
            index.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("draws").GetString()));
    }

    [Fact]
    public void A_sweep_writes_each_points_draws_beside_its_results()
    {
        using var temp = new TempFolder();
        string sweep = temp.File("s.json");
        File.WriteAllText(sweep, $$"""{ "base": "{{Scenario("us-national-base.json")}}", "axes": [ { "path": "indications[0].testing.uptake.value", "values": [0.5, 0.7] } ] }""");
        string output = temp.File("out");

        var outcome = Run("batch", "--sweep", sweep, "--out-dir", output, "-n", "100", "--draws", "draws.csv");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "point-0_0.5.draws.csv")));
        Assert.True(File.Exists(Path.Combine(output, "point-1_0.7.draws.csv")));
        Assert.Contains("\"draws\": \"point-1_0.7.draws.csv\"", File.ReadAllText(Path.Combine(output, "sweep.json")));
    }
}
