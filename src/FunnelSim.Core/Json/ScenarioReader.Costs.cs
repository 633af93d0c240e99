using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunnelSim.Model;

namespace FunnelSim.Json;

// The costs block of a budget impact analysis.
public static partial class ScenarioReader
{
    private static readonly string[] CostsProperties =
    [
        "currency", "costYear", "drugPerDose", "administrationPerInfusion", "monitoring", "adverseEvents",
        "testPerModality", "comparators", "annualPriceChange", "discountRate", "budgetThreshold",
    ];
    private static readonly string[] MonitoringProperties = ["costPerVisit", "everyMonths", "atStart"];
    private static readonly string[] AdverseEventProperties = ["probability", "costPerEvent"];
    private static readonly string[] ComparatorProperties =
        ["name", "description", "drugPerMonth", "administrationPerMonth", "durationMonths", "adverseEvents"];
    private static readonly NumberRange CostYears = new(1990, 2100, Meaning: "calendar year");
    private static readonly NumberRange MonitoringIntervals = new(0, 120, MinExclusive: true, Meaning: "months between visits");
    private static readonly NumberRange DiscountRates = new(0, 1, MaxExclusive: true, Meaning: "annual discount rate");
    private static readonly NumberRange Thresholds = new(-1e15, 1e15, Meaning: "budget impact per year");

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    private static partial Regex CurrencyRegex();

    private static Costs? ReadCosts(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, CostsProperties) is not { } set) return null;
        string? currency = Costs.DefaultCurrency;
        if (set.Optional("currency") is { } cur && (currency = ReadString(c, cur, set.PathOf("currency"))) is not null
            && !CurrencyRegex().IsMatch(currency))
        {
            c.Error(set.PathOf("currency"), $"must be a three-letter ISO 4217 code such as 'USD'; got '{currency}'");
            currency = null;
        }
        long? costYear = RequiredInteger(c, set, "costYear", CostYears);
        var drug = RequiredParameter(c, set, "drugPerDose", ParameterSpec.Money);
        var administration = OptionalParameter(c, set, "administrationPerInfusion", ParameterSpec.Money, 0);
        var monitoring = set.Optional("monitoring") is { } m ? ReadMonitoring(c, m, set.PathOf("monitoring")) : MonitoringCosts.None;
        var adverse = set.Optional("adverseEvents") is { } a ? ReadAdverseEvents(c, a, set.PathOf("adverseEvents")) : AdverseEventCosts.None;
        var tests = set.Required("testPerModality") is { } t ? ReadTestCosts(c, t, set.PathOf("testPerModality")) : null;
        var comparators = set.Required("comparators") is { } k ? ReadComparators(c, k, set.PathOf("comparators")) : null;
        var priceChange = OptionalParameter(c, set, "annualPriceChange", ParameterSpec.PriceChange, 0);
        double? discount = set.Has("discountRate") ? OptionalNumber(c, set, "discountRate", DiscountRates) : 0;
        double? threshold = set.Has("budgetThreshold") ? OptionalNumber(c, set, "budgetThreshold", Thresholds) : null;
        bool thresholdOk = !set.Has("budgetThreshold") || threshold is not null;

        if (currency is null || costYear is null || drug is null || administration is null || monitoring is null
            || adverse is null || tests is null || comparators is null || priceChange is null || discount is null || !thresholdOk)
            return null;
        return new Costs(currency, (int)costYear, drug, administration, monitoring, adverse, tests.Value, comparators.Value,
            priceChange, discount.Value) { BudgetThreshold = threshold };
    }

    private static Parameter? OptionalParameter(ReadContext c, PropertySet set, string name, ParameterSpec spec, double fallback) =>
        set.Optional(name) is { } e ? ReadParameter(c, e, set.PathOf(name), spec) : Parameter.Fixed(fallback);

    private static MonitoringCosts? ReadMonitoring(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, MonitoringProperties) is not { } set) return null;
        var cost = RequiredParameter(c, set, "costPerVisit", ParameterSpec.Money);
        double? every = RequiredNumber(c, set, "everyMonths", MonitoringIntervals);
        bool? atStart = set.Optional("atStart") is { } s ? ReadBoolean(c, s, set.PathOf("atStart")) : true;
        return cost is null || every is null || atStart is null ? null : new MonitoringCosts(cost, every.Value, atStart.Value);
    }

    private static AdverseEventCosts? ReadAdverseEvents(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, AdverseEventProperties) is not { } set) return null;
        var probability = OptionalParameter(c, set, "probability", ParameterSpec.Probability, 1);
        var cost = RequiredParameter(c, set, "costPerEvent", ParameterSpec.Money);
        return probability is null || cost is null ? null : new AdverseEventCosts(probability, cost);
    }

    /// <summary><c>{ "modality-id": cost, … }</c>; whether every modality has a cost is checked against the indications.</summary>
    private static ImmutableArray<ModalityCost>? ReadTestCosts(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, allowed: null) is not { } _) return null;
        var costs = new List<ModalityCost?>();
        foreach (var property in e.EnumerateObject())
        {
            string child = JsonPath.Property(path, property.Name);
            var cost = ReadParameter(c, property.Value, child, ParameterSpec.Money);
            costs.Add(cost is null ? null : new ModalityCost(property.Name, cost));
        }
        return costs.Contains(null) ? null : [.. costs.Select(x => x!)];
    }

    private static ImmutableArray<ComparatorCosts>? ReadComparators(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, allowed: null) is not { } _) return null;
        var comparators = new List<ComparatorCosts?>();
        foreach (var property in e.EnumerateObject())
            comparators.Add(ReadComparator(c, property.Value, JsonPath.Property(path, property.Name), property.Name));
        return comparators.Contains(null) ? null : [.. comparators.Select(x => x!)];
    }

    private static ComparatorCosts? ReadComparator(ReadContext c, JsonElement e, string path, string indicationId)
    {
        if (OpenObject(c, e, path, ComparatorProperties) is not { } set) return null;
        string? name = OptionalString(c, set, "name");
        _ = OptionalString(c, set, "description");
        var drug = RequiredParameter(c, set, "drugPerMonth", ParameterSpec.Money);
        var administration = OptionalParameter(c, set, "administrationPerMonth", ParameterSpec.Money, 0);
        var duration = set.Required("durationMonths") is { } d ? ReadDuration(c, d, set.PathOf("durationMonths")) : null;
        var adverse = set.Optional("adverseEvents") is { } a ? ReadAdverseEvents(c, a, set.PathOf("adverseEvents")) : AdverseEventCosts.None;
        if (drug is null || administration is null || duration is null || adverse is null) return null;
        return new ComparatorCosts(indicationId, name, drug, administration, duration, adverse);
    }

    private static bool? ReadBoolean(ReadContext c, JsonElement e, string path)
    {
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False) return e.GetBoolean();
        c.Error(path, $"must be true or false; got {Describe(e.ValueKind)}");
        return null;
    }

    /// <summary>
    /// Checks what the costs and the member mix say about the indications: a comparator and a test cost for each,
    /// and no ids that do not exist. Returns false when an error was reported.
    /// </summary>
    private static bool CheckBudgetReferences(ReadContext c, Scenario scenario)
    {
        bool ok = true;
        var indicationIds = scenario.Indications.Select(i => i.Id).ToArray();
        if (scenario.Population is PlanPopulation plan)
        {
            foreach (var group in plan.MemberMix)
                foreach (var multiplier in group.IndicationMultipliers)
                    ok &= Known(c, $"population.memberMix.{group.Line}.indicationMultipliers.{multiplier.IndicationId}",
                        "indication", multiplier.IndicationId, indicationIds);
        }
        if (scenario.Costs is not { } costs)
        {
            for (int i = 0; i < scenario.Indications.Length; i++)
            {
                if (scenario.Indications[i].Testing.UptakeWithoutBizengri is not null)
                    c.Warning($"indications[{i}].testing.uptakeWithoutBizengri",
                        "has no effect without a 'costs' block: it only matters for the budget impact");
            }
            return ok;
        }

        var modalityIds = scenario.Indications.SelectMany(i => i.Testing.Modalities.Select(m => m.Id)).Distinct().ToArray();
        foreach (var test in costs.TestPerModality)
            ok &= Known(c, $"costs.testPerModality.{test.ModalityId}", "modality", test.ModalityId, modalityIds);
        foreach (var comparator in costs.Comparators)
            ok &= Known(c, $"costs.comparators.{comparator.IndicationId}", "indication", comparator.IndicationId, indicationIds);
        foreach (string id in modalityIds.Where(id => costs.TestPerModality.All(t => t.ModalityId != id)))
        {
            c.Error("costs.testPerModality", $"missing the cost of a '{id}' test (a modality of the indications); give every modality a cost, 0 if it is free");
            ok = false;
        }
        foreach (string id in indicationIds.Where(id => costs.Comparators.All(k => k.IndicationId != id)))
        {
            c.Error("costs.comparators", $"missing the comparator of indication '{id}': the therapy its treated patients would get without BIZENGRI (drugPerMonth 0 if none)");
            ok = false;
        }
        return ok;
    }

    private static bool Known(ReadContext c, string path, string what, string id, IReadOnlyCollection<string> known)
    {
        if (known.Contains(id)) return true;
        string hint = NameSuggestions.Closest(id, known) is { } close ? $"; did you mean '{close}'?" : "";
        c.ErrorAtName(path, 0, $"there is no {what} '{id}' in the scenario (known: {string.Join(", ", known)}){hint}");
        return false;
    }
}
