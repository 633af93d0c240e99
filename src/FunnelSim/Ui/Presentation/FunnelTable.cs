using FunnelSim.Rendering;
using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The funnel metrics of one indication (or the total) in one year: mean, 90% interval (P5–P95), and the share each
/// stage is of the stage it is read against (e.g. true positives as a share of the fusion-positive patients).
/// </summary>
public static class FunnelTable
{
    private static readonly Dictionary<string, (string Base, string Label)> Shares = new(StringComparer.Ordinal)
    {
        [MetricNames.LaterLine] = (MetricNames.Incident, "of incident"),
        [MetricNames.FusionPositive] = (MetricNames.LaterLine, "of later line"),
        [MetricNames.Tested] = (MetricNames.LaterLine, "of later line"),
        [MetricNames.Identified] = (MetricNames.Tested, "of tested"),
        [MetricNames.TruePositive] = (MetricNames.FusionPositive, "of NRG1+"),
        [MetricNames.FalsePositive] = (MetricNames.Identified, "of identified"),
        [MetricNames.UntestedFusionPositive] = (MetricNames.FusionPositive, "of NRG1+"),
        [MetricNames.FalseNegative] = (MetricNames.FusionPositive, "of NRG1+"),
        [MetricNames.TreatedNew] = (MetricNames.Identified, "of identified"),
        [MetricNames.ReflexTested] = (MetricNames.Tested, "of tested"),
        [MetricNames.IdentifiedByReflex] = (MetricNames.Identified, "of identified"),
    };

    /// <summary>The table for the selection.</summary>
    public static TableRows Build(SimulationResult result, ResultSelection selection)
    {
        selection.Fit(result);
        var years = result.YearsOf(selection.Indication);
        if (years is null) return TableRows.Message("no results for this indication");
        var metrics = years[selection.YearIndex].Metrics;
        var rows = new List<IReadOnlyList<string>>();
        // The reflex rows only where a modality has a reflex test (the metrics are 0 elsewhere).
        bool reflex = result.Scenario.Indications.Any(i => i.Testing.HasReflex);
        void Add(string label, string name)
        {
            if (metrics.TryGetValue(name, out var s))
                rows.Add([label, HumanNumber.Count(s.Mean), HumanNumber.Interval(s.P5, s.P95), Share(metrics, name)]);
        }
        foreach (var metric in FunnelMetrics.Table)
        {
            Add(metric.Label, metric.Name);
            if (!reflex) continue;
            if (metric.Name == MetricNames.Tested) Add("  given a reflex test", MetricNames.ReflexTested);
            if (metric.Name == MetricNames.FalsePositive) Add("  identified by the reflex test", MetricNames.IdentifiedByReflex);
        }
        if (metrics.TryGetValue(MetricNames.CostDrug, out var sales))
        {
            string currency = result.Scenario.Costs?.Currency ?? "";
            rows.Add(["Drug sales (list price)", HumanNumber.Money(sales.Mean, currency),
                $"{HumanNumber.ShortMoney(sales.P5, currency, BudgetTableRows.ShortFrom)}–{HumanNumber.ShortMoney(sales.P95, currency, BudgetTableRows.ShortFrom)}",
                "doses × price per dose"]);
        }
        return new TableRows(["Metric", "Mean", "P5–P95", "Share (of means)"], rows);
    }

    private static string Share(IReadOnlyDictionary<string, MetricSummary> metrics, string name)
    {
        if (!Shares.TryGetValue(name, out var share) || !metrics.TryGetValue(share.Base, out var baseline)
            || baseline.Mean <= 0 || !metrics.TryGetValue(name, out var value))
            return "";
        return $"{HumanNumber.Percent(value.Mean / baseline.Mean)} {share.Label}";
    }
}
