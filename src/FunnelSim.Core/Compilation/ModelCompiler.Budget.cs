using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Compilation;

// The member mix of a plan and the costs of a budget impact analysis.
public static partial class ModelCompiler
{
    private static MemberMixTerm[][]? CompileMemberMix(Scenario scenario, List<CompiledParameter> parameters)
    {
        if (scenario.Population is not PlanPopulation { MemberMix: { IsDefaultOrEmpty: false } mix }) return null;
        int years = scenario.Years;
        var terms = scenario.Indications.Select(_ => new List<MemberMixTerm>()).ToArray();
        foreach (var group in mix)
        {
            string stream = $"population/memberMix/{group.Line}", path = $"population.memberMix.{group.Line}";
            int overall = AddParameter(parameters, $"{stream}/incidenceMultiplier", $"{path}.incidenceMultiplier",
                $"{group.Line} members · relative incidence", group.IncidenceMultiplier, years);
            var own = group.IndicationMultipliers.ToDictionary(
                m => m.IndicationId,
                m => AddParameter(parameters, $"{stream}/indicationMultipliers/{m.IndicationId}",
                    $"{path}.indicationMultipliers.{m.IndicationId}", $"{group.Line} members · relative incidence of {m.IndicationId}",
                    m.Multiplier, years));
            for (int i = 0; i < terms.Length; i++)
                terms[i].Add(new MemberMixTerm(group.Share, own.GetValueOrDefault(scenario.Indications[i].Id, overall)));
        }
        return [.. terms.Select(t => t.ToArray())];
    }

    private static CompiledBudget CompileBudget(Scenario scenario, Costs costs, CompiledIndication[] indications,
        List<CompiledParameter> parameters)
    {
        int years = scenario.Years;
        int Add(string name, string label, Parameter p) =>
            AddParameter(parameters, $"costs/{name.Replace('.', '/')}", $"costs.{name}", label, p, years);

        int drug = Add("drugPerDose", "BIZENGRI drug cost per dose", costs.DrugPerDose);
        int administration = Add("administrationPerInfusion", "BIZENGRI administration per infusion", costs.AdministrationPerInfusion);
        int monitoring = Add("monitoring.costPerVisit", "monitoring cost per visit", costs.Monitoring.CostPerVisit);
        int adverseProbability = Add("adverseEvents.probability", "BIZENGRI serious adverse reaction probability", costs.AdverseEvents.Probability);
        int adverseCost = Add("adverseEvents.costPerEvent", "BIZENGRI adverse-event cost", costs.AdverseEvents.CostPerEvent);
        var testCosts = costs.TestPerModality.ToDictionary(t => t.ModalityId, t => Add($"testPerModality.{t.ModalityId}", $"{t.ModalityId} test cost", t.Cost));

        var byIndication = new IndicationBudget[indications.Length];
        foreach (var comparator in costs.Comparators)
        {
            int i = Array.FindIndex(indications, x => x.Id == comparator.IndicationId);
            string id = comparator.IndicationId, display = indications[i].Name ?? id;
            int comparatorDrug = Add($"comparators.{id}.drugPerMonth", $"{display} · comparator drug per month", comparator.DrugPerMonth);
            int comparatorAdministration = Add($"comparators.{id}.administrationPerMonth",
                $"{display} · comparator administration per month", comparator.AdministrationPerMonth);
            int median = Add($"comparators.{id}.durationMonths.median", $"{display} · comparator median months", comparator.DurationMonths.Median);
            var (kind, spread) = comparator.DurationMonths switch
            {
                ExponentialDuration => (DurationKind.Exponential, -1),
                WeibullDuration w => (DurationKind.Weibull, Add($"comparators.{id}.durationMonths.shape", $"{display} · comparator duration Weibull shape", w.Shape)),
                LogNormalDuration l => (DurationKind.LogNormal, Add($"comparators.{id}.durationMonths.sdLog", $"{display} · comparator duration sdLog", l.SdLog)),
                _ => throw new ArgumentException("unknown duration model", nameof(costs)),
            };
            int comparatorAdverseProbability = Add($"comparators.{id}.adverseEvents.probability",
                $"{display} · comparator adverse-event probability", comparator.AdverseEvents.Probability);
            int comparatorAdverseCost = Add($"comparators.{id}.adverseEvents.costPerEvent",
                $"{display} · comparator adverse-event cost", comparator.AdverseEvents.CostPerEvent);
            byIndication[i] = new IndicationBudget
            {
                TestCosts = [.. scenario.Indications[i].Testing.Modalities.Select(m => testCosts.TryGetValue(m.Id, out int p) ? p
                    : throw new ArgumentException($"costs has no test cost for modality '{m.Id}'", nameof(costs)))],
                ComparatorDrugPerMonth = comparatorDrug,
                ComparatorAdministrationPerMonth = comparatorAdministration,
                ComparatorDurationKind = kind,
                ComparatorDurationMedian = median,
                ComparatorDurationSpread = spread,
                ComparatorAdverseEventProbability = comparatorAdverseProbability,
                ComparatorAdverseEventCost = comparatorAdverseCost,
                UptakeWithoutBizengri = indications[i].UptakeWithoutBizengri,
                ComparatorKey = StreamKey.Of($"{id}/count/comparator"),
                TestedWithoutKey = StreamKey.Of($"{id}/count/tested-without-bizengri"),
            };
        }
        int priceChange = Add("annualPriceChange", "annual price change", costs.AnnualPriceChange);
        // Validation guarantees both; a scenario built in code without them is a programmer error.
        if (Array.IndexOf(byIndication, null) is var missing and >= 0)
            throw new ArgumentException($"costs has no comparator for indication '{indications[missing].Id}'", nameof(costs));

        var offsets = new int[indications.Length + 2];
        for (int g = 0; g < indications.Length; g++) offsets[g + 1] = offsets[g] + years * BudgetMetric.Indication.Length;
        offsets[^1] = offsets[^2] + years * BudgetMetric.Total.Length;
        return new CompiledBudget
        {
            DrugPerDose = drug,
            AdministrationPerInfusion = administration,
            MonitoringPerVisit = monitoring,
            MonitoringIntervalDays = costs.Monitoring.EveryMonths * DaysPerMonth,
            MonitoringAtStart = costs.Monitoring.AtStart,
            AdverseEventProbability = adverseProbability,
            AdverseEventCost = adverseCost,
            AnnualPriceChange = priceChange,
            DiscountRate = costs.DiscountRate,
            PriceYearsBeforeStart = scenario.StartYear - costs.CostYear,
            Threshold = costs.BudgetThreshold,
            Members = scenario.Population is PlanPopulation plan ? plan.Members : null,
            Indications = byIndication,
            IndicationMetrics = BudgetMetric.Indication,
            TotalMetrics = BudgetMetric.Total,
            GroupOffsets = offsets,
        };
    }

    private const double DaysPerMonth = 365.25 / 12;
}
