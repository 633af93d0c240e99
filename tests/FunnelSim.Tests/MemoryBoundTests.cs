using System.Diagnostics;
using System.Text.Json.Nodes;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>
/// The absurd-but-valid scenarios of issue 12 (item 1) run in a child <c>funnelsim</c> whose managed heap is limited to
/// 1 GiB (<c>DOTNET_GCHeapHardLimit</c>): before count histograms were bounded they reached 1.6–15.6 GB and were killed.
/// A modest iteration count keeps each run to seconds; the bound does not depend on the iteration count (docs/reliability.md).
/// </summary>
public class MemoryBoundTests
{
    private const long OneGiB = 1L << 30;

    [Fact]
    public void ThirtyYearsOfWideGrowthRunUnderOneGigabyte()
    {
        // The base case over 30 years with NSCLC's growth −0.12 … 0.12 (with costs): 3.4 GB at 2,000 iterations before.
        using var temp = new TempFolder();
        var (code, error, peak) = Funnelsim(Scenario("us-national-base.json"), temp.File("wide.json"), "3000",
            "years=30", "indications[nsclc].annualGrowth.low=-0.12", "indications[nsclc].annualGrowth.high=0.12");

        Assert.True(code == 0, error);
        Assert.True(peak < OneGiB, $"peak working set {peak / 1e6:F0} MB");
        Assert.Contains("\"approximate\": true", File.ReadAllText(temp.File("wide.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void CountsNearOneHundredMillionRunUnderOneGigabyte()
    {
        // Tens of millions of incident cases a year in every indication: counts spread over millions of values per cell.
        using var temp = new TempFolder();
        const string Incidence = """{"value": 6e7, "low": 4e7, "high": 8e7}""";
        var (code, error, peak) = Funnelsim(Scenario("us-national-base.json"), temp.File("large.json"), "300",
            "years=8", $"indications[nsclc].incidence={Incidence}", $"indications[pdac].incidence={Incidence}",
            $"indications[cca].incidence={Incidence}");

        Assert.True(code == 0, error);
        Assert.True(peak < OneGiB, $"peak working set {peak / 1e6:F0} MB");
    }

    [Fact]
    public void TheLargestLayoutRunsUnderOneGigabyte()
    {
        // 20 indications × (20 pre-test + 20 post-detection steps) × 30 years: about 33,000 count cells, each wide.
        using var temp = new TempFolder();
        var scenario = JsonNode.Parse(File.ReadAllText(Scenario("us-national-base.json")))!.AsObject();
        scenario.Remove("costs");
        scenario["years"] = 30;
        var template = scenario["indications"]![0]!;
        var indications = new JsonArray();
        for (int i = 0; i < 20; i++)
        {
            var indication = template.DeepClone().AsObject();
            indication["id"] = $"ind{i}";
            indication["incidence"] = JsonNode.Parse("""{"value": 2e6, "low": 1e6, "high": 3e6}""");
            indication["annualGrowth"] = JsonNode.Parse("""{"value": 0, "low": -0.05, "high": 0.05}""");
            indication["preTestSteps"] = Steps("pre", """{"value": 0.95, "low": 0.5, "high": 0.999}""");
            indication["postDetectionSteps"] = Steps("post", """{"value": 0.97, "low": 0.9, "high": 0.999}""");
            indications.Add(indication);
        }
        scenario["indications"] = indications;
        File.WriteAllText(temp.File("largest.json"), scenario.ToJsonString());

        var (code, error, peak) = Funnelsim(temp.File("largest.json"), temp.File("largest.results.json"), "150");

        Assert.True(code == 0, error);
        Assert.True(peak < OneGiB, $"peak working set {peak / 1e6:F0} MB");
    }

    private static JsonArray Steps(string prefix, string probability)
    {
        var steps = new JsonArray();
        for (int k = 0; k < 20; k++) steps.Add(new JsonObject { ["id"] = $"{prefix}{k}", ["probability"] = JsonNode.Parse(probability) });
        return steps;
    }

    /// <summary>
    /// Runs <c>funnelsim run SCENARIO -n N --set … --out OUT --threads 2</c> with a 1 GiB heap limit; returns the exit code,
    /// standard error and the peak working set seen (sampled while it runs; 0 where the platform does not report it).
    /// </summary>
    private static (int Code, string Error, long Peak) Funnelsim(string scenario, string output, string iterations, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000";
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "funnelsim.dll"));
        foreach (string arg in (string[])["run", scenario, "-n", iterations, "--threads", "2", "--out", output]) start.ArgumentList.Add(arg);
        foreach (string setting in settings)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add(setting);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        var running = Stopwatch.StartNew();
        while (!process.WaitForExit(100))
        {
            if (running.Elapsed > TimeSpan.FromMinutes(15))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("funnelsim did not finish in 15 minutes");
            }
            try
            {
                process.Refresh();
                peak = Math.Max(peak, Math.Max(process.PeakWorkingSet64, process.WorkingSet64));
            }
            catch (InvalidOperationException)
            {
                break; // it has just exited
            }
        }
        process.WaitForExit();
        _ = standardOutput.Result;
        return (process.ExitCode, error.Result, peak);
    }
}
