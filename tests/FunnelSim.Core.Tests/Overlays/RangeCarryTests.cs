using System.Text;
using System.Text.Json.Nodes;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Sweeps;

namespace FunnelSim.Core.Tests.Overlays;

/// <summary>
/// A shorthand's value set by an override (<c>--set</c>, an overlay's <c>set</c>, a sweep axis) without its low or high
/// moves the whole range with it, keeping its shape: log-normal amounts scale, normal rates shift, Beta probabilities
/// shift on the logit scale (docs/scenario-format.md#parameters). Low and high set in the same override are taken as given.
/// </summary>
public sealed class RangeCarryTests
{
    private static readonly string Base = Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json");

    private static ScenarioLoadResult WithSet(params string[] settings) =>
        ScenarioSource.ReadFile(Base, [.. settings.Select(s => OverlaySetting.FromCommandLine(s, out _)!)]);

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void A_probability_moves_its_range_on_the_logit_scale_and_its_draws_with_it()
    {
        // Base: PDAC testing uptake 0.45 (0.30–0.60), a Beta fitted to those percentiles.
        var before = ScenarioSource.ReadFile(Base).Scenario!.Indications[1].Testing.Uptake;
        var after = WithSet("indications[pdac].testing.uptake.value=0.65");

        Assert.True(after.IsValid, string.Join('\n', after.Diagnostics));
        Assert.Empty(after.Warnings);
        var uptake = after.Scenario!.Indications[1].Testing.Uptake;
        double shift = Logit(0.65) - Logit(0.45);
        Assert.Equal(0.65, uptake.Value);
        Assert.Equal(Logit(0.30) + shift, Logit(uptake.Low!.Value), 9);
        Assert.Equal(Logit(0.60) + shift, Logit(uptake.High!.Value), 9);
        // The draws move: the value stays near the middle of the refitted Beta (0.517 → 0.548: a Beta is not exactly
        // logit-symmetric), and the mean rises with it.
        Assert.InRange(PercentileFit.CumulativeAt(before.Distribution, 0.45), 0.5, 0.55);
        Assert.InRange(PercentileFit.CumulativeAt(uptake.Distribution, 0.65), 0.5, 0.55);
        Assert.InRange(uptake.Distribution.Mean, 0.63, 0.67);
        Assert.InRange(before.Distribution.Mean, 0.43, 0.47);
    }

    [Fact]
    public void An_amount_scales_its_range_and_a_growth_rate_shifts_it()
    {
        // Base: NSCLC incidence 195,000 (183,500–206,500); PDAC growth 0.01 (0–0.02).
        var load = WithSet("indications[nsclc].incidence.value=390000", "indications[pdac].annualGrowth.value=0.03");

        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        var incidence = load.Scenario!.Indications[0].Incidence;
        Assert.Equal((367_000.0, 413_000.0), (incidence.Low!.Value, incidence.High!.Value));
        var growth = load.Scenario.Indications[1].AnnualGrowth;
        Assert.Equal(0.02, growth.Low!.Value, 12);
        Assert.Equal(0.04, growth.High!.Value, 12);
    }

    [Fact]
    public void Low_or_high_set_in_the_same_override_are_taken_as_given()
    {
        var load = WithSet("indications[pdac].testing.uptake.value=0.5", "indications[pdac].testing.uptake.low=0.2");

        var uptake = load.Scenario!.Indications[1].Testing.Uptake;
        Assert.Equal((0.5, 0.2, 0.6), (uptake.Value!.Value, uptake.Low!.Value, uptake.High!.Value));
    }

    [Fact]
    public void A_later_override_moves_the_range_an_earlier_one_wrote()
    {
        using var folder = new TempFolder();
        File.Copy(Base, folder.File("base.json"));
        string overlay = folder.Write("o.json", """
            { "schemaVersion": 1, "extends": "base.json",
              "set": { "indications[pdac].testing.uptake.low": 0.4, "indications[pdac].testing.uptake.high": 0.5 } }
            """);

        var load = ScenarioSource.ReadFile(overlay, [OverlaySetting.FromCommandLine("indications[pdac].testing.uptake.value=0.5", out _)!]);

        // The overlay writes 0.40–0.50 around 0.45; --set then moves that range by logit(0.5) − logit(0.45).
        var uptake = load.Scenario!.Indications[1].Testing.Uptake;
        double shift = Logit(0.5) - Logit(0.45);
        Assert.Equal(Logit(0.4) + shift, Logit(uptake.Low!.Value), 9);
        Assert.Equal(Logit(0.5) + shift, Logit(uptake.High!.Value), 9);
    }

    [Fact]
    public void A_fixed_range_stays_fixed_and_a_range_that_cannot_follow_is_an_error_at_the_change()
    {
        using var folder = new TempFolder();
        var json = JsonNode.Parse(File.ReadAllText(Base))!;
        json["indications"]![0]!["prevalence"] = new JsonObject { ["value"] = 0.003, ["low"] = 0.003, ["high"] = 0.003 };
        File.WriteAllText(folder.File("base.json"), json.ToJsonString());

        var fixedLoad = ScenarioSource.ReadFile(folder.File("base.json"), [OverlaySetting.FromCommandLine("indications[0].prevalence.value=0.004", out _)!]);
        var toZero = ScenarioSource.ReadFile(Base, [OverlaySetting.FromCommandLine("indications[pdac].prevalence.value=0", out _)!]);

        Assert.True(fixedLoad.IsValid, string.Join('\n', fixedLoad.Diagnostics));
        Assert.IsType<FixedDistribution>(fixedLoad.Scenario!.Indications[0].Prevalence.Distribution);
        Assert.Equal(0.004, fixedLoad.Scenario.Indications[0].Prevalence.Distribution.Mean);
        var error = Assert.Single(toZero.Errors);
        Assert.Equal("indications[pdac].prevalence.value", error.Path);
        Assert.Contains("cannot follow value 0", error.Message);
        Assert.Contains("--set indications[pdac].prevalence.value=0", error.Message);
    }

    [Fact]
    public void A_moved_end_out_of_bounds_is_placed_at_the_change_that_moved_it()
    {
        // PDAC growth 0.01 (0–0.02) set to 0.495 moves high to 0.505, above the largest growth rate (0.5).
        var load = WithSet("indications[pdac].annualGrowth.value=0.495");

        var error = Assert.Single(load.Errors);
        Assert.Equal("indications[1].annualGrowth.high", error.Path);
        Assert.Contains("--set indications[pdac].annualGrowth.value=0.495, which moves low and high with the value", error.Message);
    }

    [Fact]
    public void A_sweep_axis_on_a_value_moves_the_range_unless_another_axis_sets_low_or_high()
    {
        using var folder = new TempFolder();
        File.Copy(Base, folder.File("base.json"));
        SweepPlan Plan(string axes) => SweepPlan.Create(SweepReader.Read(
            Encoding.UTF8.GetBytes($$"""{ "base": "base.json", "axes": [ {{axes}} ] }"""), folder.Path).Definition!).Plan!;

        var carried = Plan("""{ "path": "indications[pdac].testing.uptake.value", "values": [0.65] }""");
        var given = Plan("""
            { "path": "indications[pdac].testing.uptake.value", "values": [0.5] },
            { "path": "indications[pdac].testing.uptake.high", "values": [0.7] }
            """);
        var toZero = Plan("""{ "path": "indications[pdac].prevalence.value", "values": [0] }""");

        var moved = carried.ScenarioAt(carried.Points[0]).Load.Scenario!.Indications[1].Testing.Uptake;
        Assert.Equal(Logit(0.30) + Logit(0.65) - Logit(0.45), Logit(moved.Low!.Value), 9);
        var asGiven = given.ScenarioAt(given.Points[0]).Load.Scenario!.Indications[1].Testing.Uptake;
        Assert.Equal((0.5, 0.3, 0.7), (asGiven.Value!.Value, asGiven.Low!.Value, asGiven.High!.Value));
        var refused = toZero.ScenarioAt(toZero.Points[0]).Load;
        Assert.False(refused.IsValid);
        Assert.Contains(refused.Errors, e => e.Path == "indications[1].prevalence.value" && e.Message.Contains("axis 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_rule_moves_a_range_from_where_typing_started()
    {
        // The UI anchors a run of typing at its start: "0" on the way to "0.05" loses nothing.
        var read = ScenarioSource.ReadFile(Base);

        Assert.Null(RangeCarry.Move(read, "indications[1].testing.uptake", 0.45, 0.3, 0.6, 0, out string? why));
        Assert.Contains("cannot follow value 0", why);
        var moved = RangeCarry.Move(read, "indications[1].testing.uptake", 0.45, 0.3, 0.6, 0.05, out why)!.Value;
        Assert.Null(why);
        Assert.Equal(Logit(0.3) + Logit(0.05) - Logit(0.45), Logit(moved.Low), 9);
        Assert.Null(RangeCarry.Move(read, "indications[1].testing.modalities[0].share", 0.4, 0.4, 0.4, 0.5, out _));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("funnelsim-carry-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, string text)
        {
            string path = File(name);
            System.IO.File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
