using System.Text.Json.Nodes;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Overlays;

/// <summary>
/// Overlays (docs/scenario-format.md#overlays): a file that extends a base and sets values in it resolves to exactly
/// the scenario one would write by hand, and every problem names the overlay, the change and the base.
/// </summary>
public sealed class OverlayTests
{
    private static string Shipped(string name) => Path.Combine(RepositoryFiles.ScenariosDirectory, name);

    private static double Logit(double p) => Math.Log(p) - Math.Log(1 - p);

    private static double TwelveDigits(double x) =>
        double.Parse(x.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Overlays", name);

    public static TheoryData<string> ShippedWhatIfs() => ["whatif-rna-first-testing", "whatif-low-testing-uptake", "whatif-reflex-rna-after-dna"];

    [Theory]
    [MemberData(nameof(ShippedWhatIfs))]
    public void A_shipped_what_if_resolves_to_the_hand_written_full_scenario_bit_for_bit(string name)
    {
        // Given the overlay and the full scenario written out by hand
        var overlay = ScenarioSource.ReadFile(Shipped(name + ".json"));
        var full = ScenarioReader.ReadFile(Fixture(name + ".full.json"));

        // Then both are valid, identical as scenarios, and give identical results
        Assert.True(overlay.IsValid, string.Join('\n', overlay.Diagnostics));
        Assert.True(full.IsValid, string.Join('\n', full.Diagnostics));
        Assert.NotNull(overlay.ResolvedJson);
        Assert.Equal(ScenarioWriter.Write(full.Scenario!), ScenarioWriter.Write(overlay.Scenario!));
        Assert.NotNull(overlay.Scenario!.Costs);

        var settings = overlay.Scenario.Simulation with { Iterations = 2_000 };
        var fromOverlay = Simulator.Run(overlay.Scenario with { Simulation = settings }, threads: 2);
        var fromFull = Simulator.Run(full.Scenario! with { Simulation = settings }, threads: 2);
        Assert.Equal(WithoutTiming(fromFull), WithoutTiming(fromOverlay));
    }

    [Fact]
    public void The_results_echo_the_resolved_scenario()
    {
        var overlay = ScenarioSource.ReadFile(Shipped("whatif-rna-first-testing.json"));
        var scenario = overlay.Scenario! with { Simulation = overlay.Scenario.Simulation with { Iterations = 1_000 } };

        var echo = JsonNode.Parse(ResultJson.Write(Simulator.Run(scenario, threads: 1)))!["scenario"]!;

        Assert.Equal(0.85, echo["indications"]![1]!["testing"]!["modalities"]![1]!["share"]!.GetValue<double>());
        Assert.NotNull(echo["costs"]);
        Assert.Null(echo["extends"]);
        Assert.True(ScenarioReader.Read(echo.ToJsonString()).IsValid);
    }

    [Fact]
    public void Name_and_description_replace_the_bases_and_builtin_is_the_shipped_base_case()
    {
        using var folder = new TempFolder();
        string overlay = folder.Write("o.json", """
            { "schemaVersion": 1, "extends": "builtin:us-national-base", "name": "Mine", "description": "Why",
              "set": { "indications[pdac].testing.uptake.value": 0.5 } }
            """);

        var load = ScenarioSource.ReadFile(overlay);

        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        Assert.Equal("Mine", load.Scenario!.Name);
        Assert.Equal("Why", load.Scenario.Description);
        var byHand = JsonNode.Parse(File.ReadAllText(Shipped("us-national-base.json")))!;
        byHand["name"] = "Mine";
        byHand["description"] = "Why";
        // The written range moves with the value on the logit scale (docs/scenario-format.md#parameters).
        var uptake = byHand["indications"]![1]!["testing"]!["uptake"]!;
        double shift = Logit(0.5) - Logit(uptake["value"]!.GetValue<double>());
        uptake["low"] = TwelveDigits(Logistic(Logit(uptake["low"]!.GetValue<double>()) + shift));
        uptake["high"] = TwelveDigits(Logistic(Logit(uptake["high"]!.GetValue<double>()) + shift));
        uptake["value"] = 0.5;
        Assert.Equal(ScenarioWriter.Write(ScenarioReader.Read(byHand.ToJsonString()).Scenario!), ScenarioWriter.Write(load.Scenario));
    }

    [Fact]
    public void An_overlay_may_extend_an_overlay_and_the_later_change_wins()
    {
        using var folder = new TempFolder();
        File.Copy(Shipped("us-national-base.json"), folder.File("base.json"));
        folder.Write("a.json", """{ "schemaVersion": 1, "extends": "base.json", "set": { "years": 3, "indications[0].prevalence.value": 0.003 } }""");
        string b = folder.Write("sub/b.json", """{ "schemaVersion": 1, "extends": "../a.json", "set": { "years": 4 } }""");

        var load = ScenarioSource.ReadFile(b);

        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        Assert.Equal(4, load.Scenario!.Years);
        Assert.Equal(0.003, JsonNode.Parse(load.ResolvedJson!)!["indications"]![0]!["prevalence"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void An_invalid_value_names_the_overlay_the_set_entry_the_resolved_path_and_the_base()
    {
        using var folder = new TempFolder();
        File.Copy(Shipped("us-national-base.json"), folder.File("base.json"));
        string overlay = folder.Write("whatif.json", """
            {
              "schemaVersion": 1,
              "extends": "base.json",
              "set": {
                "indications[pdac].testing.modalities[rna-ngs].sensitivity.value": 1.5
              }
            }
            """);

        var load = ScenarioSource.ReadFile(overlay);

        Assert.False(load.IsValid);
        var error = Assert.Single(load.Errors);
        Assert.Equal("indications[1].testing.modalities[1].sensitivity.value", error.Path);
        Assert.Equal((5, 5), (error.Line, error.Column));
        Assert.Contains("set \"indications[pdac].testing.modalities[rna-ngs].sensitivity.value\" in " + overlay, error.Message);
        Assert.Contains("on top of " + Path.Combine(folder.Path, "base.json"), error.Message);
    }

    [Theory]
    [InlineData("indications[pdca].prevalence.value", "has no element with id 'pdca'", "did you mean 'pdac'?")]
    [InlineData("indications[cca].prevalnce.value", "indications[2] has no property 'prevalnce'", "did you mean 'prevalence'?")]
    [InlineData("indications[1].testing.modalities[rna-ng].share", "no element with id 'rna-ng'", "did you mean 'rna-ngs'?")]
    [InlineData("indications[7].prevalence.value", "indications has 3 elements", "")]
    [InlineData("indications[0].prevalence.valeu", "unknown property 'valeu'", "did you mean 'value'?")]
    public void A_path_that_does_not_exist_is_an_error_with_did_you_mean(string path, string message, string hint)
    {
        using var folder = new TempFolder();
        string overlay = folder.Write("o.json",
            $$"""{ "schemaVersion": 1, "extends": "builtin:us-national-base", "set": { "{{path}}": 0.1 } }""");

        var load = ScenarioSource.ReadFile(overlay);

        var error = Assert.Single(load.Errors);
        Assert.Contains(message, error.Message);
        Assert.Contains(hint, error.Message);
        Assert.Contains(overlay, error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_cycle_is_refused()
    {
        using var folder = new TempFolder();
        string a = folder.Write("a.json", """{ "schemaVersion": 1, "extends": "b.json", "set": {} }""");
        folder.Write("b.json", """{ "schemaVersion": 1, "extends": "a.json", "set": {} }""");
        string self = folder.Write("self.json", """{ "schemaVersion": 1, "extends": "self.json", "set": {} }""");

        var cycle = Assert.Single(ScenarioSource.ReadFile(a).Errors);
        var own = Assert.Single(ScenarioSource.ReadFile(self).Errors);

        Assert.Contains("cycle", cycle.Message);
        Assert.Contains("a.json → ", cycle.Message);
        Assert.Contains("b.json", cycle.Message);
        Assert.Contains("cycle", own.Message);
    }

    [Fact]
    public void A_missing_base_and_an_invalid_base_name_both_files()
    {
        using var folder = new TempFolder();
        string missing = folder.Write("m.json", """{ "schemaVersion": 1, "extends": "nowhere.json", "set": {} }""");
        folder.Write("bad.json", """{ "schemaVersion": 1, "startYear": 2026, "years": 99, "indications": [] }""");
        string onBad = folder.Write("o.json", """{ "schemaVersion": 1, "extends": "bad.json", "set": {} }""");

        Assert.Contains("nowhere.json", Assert.Single(ScenarioSource.ReadFile(missing).Errors).Message);
        var errors = ScenarioSource.ReadFile(onBad).Errors.ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains($"(in {Path.Combine(folder.Path, "bad.json")}, which {onBad} extends)", e.Message));
    }

    [Fact]
    public void One_modality_share_rescales_the_others_as_a_sweep_does_and_says_so()
    {
        using var folder = new TempFolder();
        string overlay = folder.Write("o.json", """
            { "schemaVersion": 1, "extends": "builtin:us-national-base",
              "set": { "indications[pdac].testing.modalities[rna-ngs].share": 0.6 } }
            """);

        var load = ScenarioSource.ReadFile(overlay);

        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        var warning = Assert.Single(load.Warnings);
        Assert.Contains("rescaled in proportion", warning.Message);
        // The sweep's rule: each other share × (1 − s) / (sum of the others); base PDAC mix 0.4 / 0.3 / 0.3.
        var modalities = JsonNode.Parse(load.ResolvedJson!)!["indications"]![1]!["testing"]!["modalities"]!;
        double factor = (1 - 0.6) / (0.4 + 0.3);
        Assert.Equal(0.4 * factor, modalities[0]!["share"]!.GetValue<double>());
        Assert.Equal(0.6, modalities[1]!["share"]!.GetValue<double>());
        Assert.Equal(0.3 * factor, modalities[2]!["share"]!.GetValue<double>());
    }

    [Fact]
    public void Every_share_given_is_taken_as_written()
    {
        using var folder = new TempFolder();
        string overlay = folder.Write("o.json", """
            { "schemaVersion": 1, "extends": "builtin:us-national-base",
              "set": { "indications[pdac].testing.modalities[0].share": 0.2, "indications[pdac].testing.modalities[1].share": 0.5,
                       "indications[pdac].testing.modalities[2].share": 0.3 } }
            """);
        string wrong = folder.Write("w.json", """
            { "schemaVersion": 1, "extends": "builtin:us-national-base",
              "set": { "indications[pdac].testing.modalities[0].share": 0.2, "indications[pdac].testing.modalities[1].share": 0.5,
                       "indications[pdac].testing.modalities[2].share": 0.5 } }
            """);

        var load = ScenarioSource.ReadFile(overlay);
        var refused = ScenarioSource.ReadFile(wrong);

        Assert.True(load.IsValid);
        Assert.Empty(load.Warnings);
        Assert.Equal([0.2, 0.5, 0.3], load.Scenario!.Indications[1].Testing.Modalities.Select(m => m.Share));
        Assert.False(refused.IsValid);
        Assert.Contains(refused.Errors, e => e.Path.StartsWith("indications[1].testing.modalities", StringComparison.Ordinal)
                                             && e.Message.Contains("w.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_settings_apply_after_the_file_and_a_plain_file_without_them_reads_as_before()
    {
        var plain = ScenarioSource.ReadFile(Shipped("us-national-base.json"));
        var direct = ScenarioReader.ReadFile(Shipped("us-national-base.json"));
        var setting = OverlaySetting.FromCommandLine("indications[cca].testing.uptake.value=1.5", out string? error);
        Assert.Null(error);

        var changed = ScenarioSource.ReadFile(Shipped("whatif-low-testing-uptake.json"), [setting!, OverlaySetting.FromCommandLine("name=Quick", out _)!]);

        Assert.Null(plain.ResolvedJson);
        Assert.Equal(direct.Diagnostics, plain.Diagnostics);
        Assert.False(changed.IsValid); // 1.5 is not a probability
        var refused = Assert.Single(changed.Errors);
        Assert.Contains("--set indications[cca].testing.uptake.value=1.5", refused.Message);
        Assert.Null(OverlaySetting.FromCommandLine("novalue", out error));
        Assert.Contains("PATH=VALUE", error);
        Assert.Equal("Quick", OverlaySetting.FromCommandLine("name=Quick", out _)!.Value!.GetValue<string>());
    }

    private static string WithoutTiming(SimulationResult result)
    {
        var node = JsonNode.Parse(ResultJson.Write(result))!;
        node["run"]!.AsObject().Remove("elapsedSeconds");
        return node.ToJsonString();
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("funnelsim-overlay-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, string text)
        {
            string path = File(name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
