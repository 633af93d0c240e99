using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// The costs block and the member mix.
public static partial class ScenarioWriter
{
    private static void WriteCosts(Utf8JsonWriter writer, Costs costs)
    {
        writer.WriteStartObject("costs");
        writer.WriteString("currency", costs.Currency);
        writer.WriteNumber("costYear", costs.CostYear);
        WriteParameter(writer, "drugPerDose", costs.DrugPerDose);
        WriteParameter(writer, "administrationPerInfusion", costs.AdministrationPerInfusion);
        writer.WriteStartObject("monitoring");
        WriteParameter(writer, "costPerVisit", costs.Monitoring.CostPerVisit);
        writer.WriteNumber("everyMonths", costs.Monitoring.EveryMonths);
        writer.WriteBoolean("atStart", costs.Monitoring.AtStart);
        writer.WriteEndObject();
        WriteAdverseEvents(writer, costs.AdverseEvents);
        writer.WriteStartObject("testPerModality");
        foreach (var test in costs.TestPerModality) WriteParameter(writer, test.ModalityId, test.Cost);
        writer.WriteEndObject();
        writer.WriteStartObject("comparators");
        foreach (var comparator in costs.Comparators)
        {
            writer.WriteStartObject(comparator.IndicationId);
            WriteOptional(writer, "name", comparator.Name);
            WriteParameter(writer, "drugPerMonth", comparator.DrugPerMonth);
            WriteParameter(writer, "administrationPerMonth", comparator.AdministrationPerMonth);
            WriteDuration(writer, comparator.DurationMonths);
            WriteAdverseEvents(writer, comparator.AdverseEvents);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        WriteParameter(writer, "annualPriceChange", costs.AnnualPriceChange);
        writer.WriteNumber("discountRate", costs.DiscountRate);
        if (costs.BudgetThreshold is { } threshold) writer.WriteNumber("budgetThreshold", threshold);
        writer.WriteEndObject();
    }

    private static void WriteAdverseEvents(Utf8JsonWriter writer, AdverseEventCosts adverseEvents)
    {
        writer.WriteStartObject("adverseEvents");
        WriteParameter(writer, "probability", adverseEvents.Probability);
        WriteParameter(writer, "costPerEvent", adverseEvents.CostPerEvent);
        writer.WriteEndObject();
    }

    private static void WriteMemberMix(Utf8JsonWriter writer, PlanPopulation plan)
    {
        writer.WriteStartObject("memberMix");
        foreach (var group in plan.MemberMix)
        {
            writer.WriteStartObject(group.Line);
            writer.WriteNumber("share", group.Share);
            WriteParameter(writer, "incidenceMultiplier", group.IncidenceMultiplier);
            if (group.IndicationMultipliers.Length > 0)
            {
                writer.WriteStartObject("indicationMultipliers");
                foreach (var multiplier in group.IndicationMultipliers) WriteParameter(writer, multiplier.IndicationId, multiplier.Multiplier);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
