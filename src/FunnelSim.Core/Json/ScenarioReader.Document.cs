using System.Collections.Immutable;
using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// The top level: version, horizon, population and simulation settings.
public static partial class ScenarioReader
{
    private static readonly string[] ScenarioProperties =
        ["$schema", "schemaVersion", "name", "description", "startYear", "years", "population", "simulation", "indications", "costs", "correlations"];
    private static readonly string[] NationalProperties = ["scale"];
    private static readonly string[] PlanProperties = ["scale", "members", "referencePopulation", "riskAdjustment", "memberMix"];
    private static readonly string[] SimulationProperties = ["iterations", "seed", "sampling", "correlationRepair", "lhsReplicates"];

    private static readonly NumberRange StartYears = new(1990, 2100, Meaning: "calendar year");
    private static readonly NumberRange Horizons = new(1, 30, Meaning: "years of horizon");
    private static readonly NumberRange Members = new(1, 1_000_000_000, Meaning: "plan members");
    private static readonly NumberRange ReferencePopulations = new(1, 10_000_000_000, Meaning: "people");
    private static readonly NumberRange RiskAdjustments = new(0, 100, MinExclusive: true);
    private static readonly NumberRange Iterations = new(SimulationSettings.MinIterations, SimulationSettings.MaxIterations);
    private static readonly NumberRange Seeds = new(0, SimulationSettings.MaxSeed, Meaning: "2^53 − 1");
    private const long FewIterations = 1000;
    private static readonly NumberRange LhsReplicates = new(SimulationSettings.MinLhsReplicates, SimulationSettings.MaxLhsReplicates);

    private static Scenario? ReadScenario(ReadContext c, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            c.Error("", $"a scenario is a JSON object (see `funnelsim schema`); got {Describe(root.ValueKind)}");
            return null;
        }
        var set = PropertySet.Open(c, root, "", ScenarioProperties);
        _ = OptionalString(c, set, "$schema"); // for editors only
        int? version = set.Required("schemaVersion") is { } v ? ReadSchemaVersion(c, v, set.PathOf("schemaVersion")) : null;
        string? name = OptionalString(c, set, "name", maxLength: 200);
        string? description = OptionalString(c, set, "description");
        long? startYear = RequiredInteger(c, set, "startYear", StartYears);
        long? years = RequiredInteger(c, set, "years", Horizons);
        Population? population = set.Optional("population") is { } p
            ? ReadPopulation(c, p, set.PathOf("population"))
            : new NationalPopulation();
        SimulationSettings? simulation = set.Optional("simulation") is { } s
            ? ReadSimulation(c, s, set.PathOf("simulation"))
            : new SimulationSettings(10_000, 1, SamplingMethod.MonteCarlo);
        var indications = set.Required("indications") is { } i ? ReadIndications(c, i, set.PathOf("indications")) : null;
        bool hasCosts = set.Optional("costs") is not null;
        var costs = set.Optional("costs") is { } k ? ReadCosts(c, k, set.PathOf("costs")) : null;
        var correlations = set.Optional("correlations") is { } r ? ReadCorrelations(c, r, set.PathOf("correlations")) : [];
        if (costs is not null && startYear is { } start && costs.CostYear > start)
        {
            c.Error(JsonPath.Property(set.PathOf("costs"), "costYear"),
                $"must not be after startYear ({start}): amounts are in costYear prices and the annual price change applies from costYear on; got {costs.CostYear}");
            costs = null;
        }

        if (version is null || startYear is null || years is null || population is null || simulation is null || indications is null
            || hasCosts && costs is null || correlations is null)
            return null;
        var scenario = new Scenario(version.Value, name, description, (int)startYear, (int)years, population, simulation, indications.Value)
        {
            Costs = costs,
        };
        if (!CheckBudgetReferences(c, scenario)) return null;
        CheckSizes(c, scenario);
        // Whether each names an uncertain parameter and whether they hold together needs the compiled model:
        // Compilation.ScenarioLoader checks that after reading.
        return correlations.Count == 0 ? scenario : scenario with { Correlations = [.. correlations.Select(e => e.Correlation)] };
    }

    private static int? ReadSchemaVersion(ReadContext c, JsonElement e, string path)
    {
        if (ReadInteger(c, e, path, new NumberRange(long.MinValue, long.MaxValue)) is not { } version) return null;
        if (version == Scenario.CurrentSchemaVersion) return (int)version;
        c.Error(path, $"unsupported schemaVersion {version}; this build reads version {Scenario.CurrentSchemaVersion}");
        return null;
    }

    private static Population? ReadPopulation(ReadContext c, JsonElement e, string path)
    {
        if (!Expect(c, e, path, JsonValueKind.Object, "an object")) return null;
        // Which names are allowed depends on the scale; when it is unreadable, judge against every population name.
        string[] allowed = PeekString(e, "scale") == FormatNames.National ? NationalProperties : PlanProperties;
        var set = PropertySet.Open(c, e, path, allowed);
        string? scale = set.Required("scale") is { } scaleElement
            ? ReadKeyword(c, scaleElement, set.PathOf("scale"), FormatNames.Scales)
            : null;
        if (scale != FormatNames.Plan) return scale is null ? null : new NationalPopulation();

        double? members = RequiredNumber(c, set, "members", Members);
        double? reference = RequiredNumber(c, set, "referencePopulation", ReferencePopulations);
        double? risk = set.Has("riskAdjustment") ? OptionalNumber(c, set, "riskAdjustment", RiskAdjustments) : 1.0;
        ImmutableArray<MemberGroup>? mix = set.Optional("memberMix") is { } m ? ReadMemberMix(c, m, set.PathOf("memberMix")) : [];
        if (set.Has("riskAdjustment") && set.Has("memberMix"))
        {
            c.Error(set.PathOf("memberMix"), "give either riskAdjustment or memberMix, not both: the member mix sets the plan's relative incidence");
            return null;
        }
        if (members is null || reference is null || risk is null || mix is null) return null;
        if (members > reference)
            c.Warning(set.PathOf("members"),
                $"members ({InvariantFormat.Number(members.Value)}) exceed referencePopulation ({InvariantFormat.Number(reference.Value)}): the plan is larger than the population its incidences refer to");
        return new PlanPopulation(members.Value, reference.Value, risk.Value) { MemberMix = mix.Value };
    }

    private static SimulationSettings? ReadSimulation(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, SimulationProperties) is not { } set) return null;
        long? iterations = set.Optional("iterations") is { } i ? ReadInteger(c, i, set.PathOf("iterations"), Iterations) : 10_000;
        long? seed = set.Optional("seed") is { } s ? ReadInteger(c, s, set.PathOf("seed"), Seeds) : 1;
        SamplingMethod? sampling = set.Optional("sampling") is { } m ? ReadSampling(c, m, set.PathOf("sampling")) : SamplingMethod.MonteCarlo;
        if (iterations is < FewIterations)
            c.Warning(set.PathOf("iterations"), $"only {iterations} iterations: results will be noisy; use {FewIterations} or more");
        string? repair = set.Optional("correlationRepair") is { } r ? ReadKeyword(c, r, set.PathOf("correlationRepair"), FormatNames.CorrelationRepairs) : "none";
        long? replicates = set.Optional("lhsReplicates") is { } l
            ? ReadInteger(c, l, set.PathOf("lhsReplicates"), LhsReplicates)
            : SimulationSettings.DefaultLhsReplicates;
        if (sampling == SamplingMethod.LatinHypercube && iterations is < SimulationSettings.MinLatinHypercubeIterations)
        {
            c.Error(set.PathOf("iterations"), LatinHypercubeTooFew(iterations.Value));
            return null;
        }
        if (iterations is null || seed is null || sampling is not { } method || repair is null || replicates is null) return null;
        return new SimulationSettings(iterations.Value, (ulong)seed.Value, method)
        {
            CorrelationRepair = repair == "nearest" ? CorrelationRepair.Nearest : CorrelationRepair.None,
            LhsReplicates = (int)replicates.Value,
        };
    }

    /// <summary>Why <paramref name="iterations"/> iterations are too few for Latin hypercube sampling.</summary>
    public static string LatinHypercubeTooFew(long iterations) =>
        $"Latin hypercube sampling needs at least {SimulationSettings.MinLatinHypercubeIterations} iterations (two replicate " +
        $"hypercubes of two, whose spread gives the Monte Carlo error), not {iterations}; raise the iterations or use 'monte-carlo'";

    private static SamplingMethod? ReadSampling(ReadContext c, JsonElement e, string path) =>
        ReadKeyword(c, e, path, FormatNames.SamplingMethods) switch
        {
            null => null,
            FormatNames.LatinHypercube => SamplingMethod.LatinHypercube,
            _ => SamplingMethod.MonteCarlo,
        };
}
