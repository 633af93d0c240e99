using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using FunnelSim.Json;

namespace FunnelSim.Core.Tests.Scenarios;

/// <summary>
/// The ready-made scenario files in <c>scenarios/</c> conform to <c>scenarios/scenario.schema.json</c>,
/// the schema rejects typical mistakes, and the files keep the conventions scripts rely on.
/// </summary>
public sealed class ScenarioFilesTests
{
    private const string SchemaFileName = "scenario.schema.json";

    private static readonly string[] ShippedScenarios =
    [
        "us-national-base.json",
        "whatif-rna-first-testing.json",
        "whatif-low-testing-uptake.json",
        "whatif-reflex-rna-after-dna.json",
        "payer-commercial-1m.json",
        "payer-medicare-advantage-1m.json",
    ];

    private static readonly Lazy<string> ScenariosDirectory = new(() => Support.RepositoryFiles.ScenariosDirectory);

    // Built once: building registers the schema's $id, so it is kept in a private registry.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(
            File.ReadAllText(Path.Combine(ScenariosDirectory.Value, SchemaFileName)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly EvaluationOptions HierarchicalOutput = new() { OutputFormat = OutputFormat.Hierarchical };

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(ScenariosDirectory.Value, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name != SchemaFileName)
                data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_file_is_valid_against_the_schema(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenariosDirectory.Value, fileName)));

        var errors = Errors(document.RootElement);

        Assert.True(errors.Count == 0, $"{fileName} does not match the schema:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_shipped_scenarios_exist()
    {
        foreach (var name in ShippedScenarios)
            Assert.True(File.Exists(Path.Combine(ScenariosDirectory.Value, name)), $"missing scenarios/{name}");
    }

    [Fact]
    public void Base_scenario_is_valid_before_mutation()
    {
        Assert.Empty(Errors(LoadBase()));
    }

    public static TheoryData<string> InvalidMutations() =>
    [
        "unknown top-level property",
        "unknown property in a step",
        "years 50",
        "probability 1.5",
        "shorthand probability value 1.5",
        "missing indications",
        "empty indications",
        "bad distribution name",
        "bad duration distribution",
        "low without high",
        "ramp on an amount",
        "ramp target that ramps",
        "step id equal to a metric name",
        "indication id total",
        "bad id pattern",
        "annual growth 0.6",
        "median above 600 months",
        "share above 1",
        "schemaVersion 2",
        "missing members in a plan population",
        "negative drug cost",
        "discount rate 1",
        "unknown cost property",
        "comparator without a duration",
        "member mix with risk adjustment",
        "unknown line of business",
    ];

    [Theory]
    [MemberData(nameof(InvalidMutations))]
    public void Schema_rejects_invalid_documents(string mutation)
    {
        var root = LoadBase();
        var nsclc = root["indications"]![0]!.AsObject();
        switch (mutation)
        {
            case "unknown top-level property": root["iteratons"] = 5; break;
            case "unknown property in a step": nsclc["preTestSteps"]![0]!["probabilty"] = 0.5; break;
            case "years 50": root["years"] = 50; break;
            case "probability 1.5": nsclc["preTestSteps"]![0]!["probability"] = 1.5; break;
            case "shorthand probability value 1.5": nsclc["prevalence"]!["value"] = 1.5; break;
            case "missing indications": root.Remove("indications"); break;
            case "empty indications": root["indications"] = new JsonArray(); break;
            case "bad distribution name":
                nsclc["prevalence"] = new JsonObject { ["distribution"] = "betta", ["alpha"] = 1, ["beta"] = 400 };
                break;
            case "bad duration distribution": nsclc["treatment"]!["durationMonths"]!["distribution"] = "gamma"; break;
            case "low without high": nsclc["incidence"]!.AsObject().Remove("high"); break;
            case "ramp on an amount":
                nsclc["incidence"]!["ramp"] = new JsonObject { ["to"] = 0.5, ["years"] = 2 };
                break;
            case "ramp target that ramps":
                nsclc["testing"]!["uptake"]!["ramp"]!["to"] = new JsonObject
                {
                    ["value"] = 0.7,
                    ["ramp"] = new JsonObject { ["to"] = 0.8, ["years"] = 2 },
                };
                break;
            case "step id equal to a metric name": nsclc["preTestSteps"]![0]!["id"] = "doses"; break;
            case "indication id total": nsclc["id"] = "total"; break;
            case "bad id pattern": nsclc["id"] = "-nsclc"; break;
            case "annual growth 0.6": nsclc["annualGrowth"] = 0.6; break;
            case "median above 600 months": nsclc["treatment"]!["durationMonths"]!["median"] = 700; break;
            case "share above 1": nsclc["testing"]!["modalities"]![0]!["share"] = 1.2; break;
            case "schemaVersion 2": root["schemaVersion"] = 2; break;
            case "missing members in a plan population":
                root["population"] = new JsonObject { ["scale"] = "plan", ["referencePopulation"] = 340_000_000 };
                break;
            case "negative drug cost": root["costs"]!["drugPerDose"]!["value"] = -1; break;
            case "discount rate 1": root["costs"]!["discountRate"] = 1; break;
            case "unknown cost property": root["costs"]!["drugPerDos"] = 1; break;
            case "comparator without a duration": root["costs"]!["comparators"]!["nsclc"]!.AsObject().Remove("durationMonths"); break;
            case "member mix with risk adjustment":
                root["population"] = JsonNode.Parse("""{ "scale": "plan", "members": 1000000, "referencePopulation": 340000000, "riskAdjustment": 0.4, "memberMix": { "commercial": { "share": 1 } } }""");
                break;
            case "unknown line of business":
                root["population"] = JsonNode.Parse("""{ "scale": "plan", "members": 1000000, "referencePopulation": 340000000, "memberMix": { "medicare-advantage": { "share": 1 } } }""");
                break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }

        Assert.NotEmpty(Errors(root));
    }

    [Theory]
    [MemberData(nameof(ShippedScenarioNames))]
    public void Shipped_scenario_has_the_three_indications_and_modality_shares_summing_to_one(string fileName)
    {
        using var document = JsonDocument.Parse(Resolved(fileName));
        var indications = document.RootElement.GetProperty("indications").EnumerateArray().ToList();

        Assert.Equal(["nsclc", "pdac", "cca"], indications.Select(i => i.GetProperty("id").GetString()));
        foreach (var indication in indications)
        {
            var modalities = indication.GetProperty("testing").GetProperty("modalities").EnumerateArray().ToList();
            Assert.Equal(["dna-ngs", "rna-ngs", "liquid"], modalities.Select(m => m.GetProperty("id").GetString()));
            var sum = modalities.Sum(m => m.GetProperty("share").GetDouble());
            Assert.True(Math.Abs(sum - 1.0) <= 1e-6, $"{fileName} {indication.GetProperty("id")}: modality shares sum to {sum}");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedScenarioNames))]
    public void Shorthand_probabilities_have_a_beta_and_a_value_inside_the_range(string fileName)
    {
        using var document = JsonDocument.Parse(Resolved(fileName));
        var problems = new List<string>();
        CheckShorthands(document.RootElement, "$", probability: false, problems);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    public static TheoryData<string> ShippedScenarioNames() => [.. ShippedScenarios];

    private static readonly HashSet<string> ProbabilityProperties =
        ["probability", "prevalence", "uptake", "sensitivity", "specificity", "to"];

    private static void CheckShorthands(JsonElement element, string path, bool probability, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
                CheckShorthands(item, $"{path}[{i++}]", false, problems);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return;

        if (element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            && element.TryGetProperty("low", out var low) && element.TryGetProperty("high", out var high))
        {
            double m = value.GetDouble(), a = low.GetDouble(), b = high.GetDouble();
            if (!(a <= m && m <= b))
                problems.Add($"{path}: value {m} outside [{a}, {b}]");
            if (probability && a < b && (a <= 0 || b >= 1 || global::FunnelSim.Distributions.PercentileFit.Beta(a, b) is null))
                problems.Add($"{path}: no Beta has {a} and {b} as its 2.5th and 97.5th percentiles");
        }

        foreach (var property in element.EnumerateObject())
            CheckShorthands(property.Value, $"{path}.{property.Name}", ProbabilityProperties.Contains(property.Name), problems);
    }

    // An overlay is checked as the scenario it resolves to.
    private static string Resolved(string fileName)
    {
        string path = Path.Combine(ScenariosDirectory.Value, fileName);
        var load = FunnelSim.Json.ScenarioSource.ReadFile(path);
        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        return load.ResolvedJson ?? File.ReadAllText(path);
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "extends": "us-national-base.json", "set": {}, "years": 3 }""")]
    [InlineData("""{ "schemaVersion": 1, "extends": "us-national-base.json" }""")]
    [InlineData("""{ "schemaVersion": 1, "extends": "", "set": {} }""")]
    [InlineData("""{ "schemaVersion": 1, "extends": "us-national-base.json", "set": { "indications[0]..value": 1 } }""")]
    public void Schema_rejects_invalid_overlays(string overlay) =>
        Assert.NotEmpty(Errors(JsonNode.Parse(overlay)!));

    [Fact]
    public void Schema_accepts_an_overlay_with_ids_in_brackets() =>
        Assert.Empty(Errors(JsonNode.Parse("""
            { "schemaVersion": 1, "extends": "builtin:us-national-base", "name": "n",
              "set": { "indications[pdac].testing.modalities[rna-ngs].share": 0.85, "indications[1].testing.uptake.ramp.to": 0.8,
                       "costs": { "discountRate": 0.03 } } }
            """)!));

    private static JsonObject LoadBase() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScenariosDirectory.Value, "us-national-base.json")))!.AsObject();

    private static List<string> Errors(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return Errors(document.RootElement);
    }

    private static List<string> Errors(JsonElement element)
    {
        var results = Schema.Value.Evaluate(element, HierarchicalOutput);
        var errors = new List<string>();
        if (!results.IsValid)
            CollectErrors(results, errors);
        if (!results.IsValid && errors.Count == 0)
            errors.Add("invalid (no detail reported)");
        return errors;
    }

    // Descends only into failing nodes, and skips "if" conditions: a false condition only selects "else".
    private static void CollectErrors(EvaluationResults node, List<string> errors)
    {
        if (node.Errors is not null)
        {
            foreach (var (keyword, message) in node.Errors)
                errors.Add($"{node.InstanceLocation} ({keyword} at {node.EvaluationPath}): {message}");
        }
        foreach (var child in node.Details ?? [])
        {
            if (!child.IsValid && !child.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
                CollectErrors(child, errors);
        }
    }
}
