using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>One bar of the funnel chart: a metric of one indication in one year.</summary>
/// <param name="Label">What a person reads, e.g. <c>never tested (lost)</c>.</param>
/// <param name="Metric">The results metric name.</param>
/// <param name="Kind">Flow, lost, false positive or part.</param>
/// <param name="Summary">The metric's distribution over iterations.</param>
public sealed record FunnelStage(string Label, string Metric, FunnelStageKind Kind, MetricSummary Summary)
{
    private const string OutputTotal = "total";

    /// <summary>
    /// The stages of <paramref name="indicationId"/> (or <c>total</c>) in <paramref name="year"/>, top to bottom: incident,
    /// the pre-test steps, later line, tested, fusion-positive with the lost patients (never tested, missed by the test)
    /// and those found, identified with its false positives, the post-detection steps, and new starts with the false
    /// positives treated. Metrics the result lacks are left out.
    /// </summary>
    public static IReadOnlyList<FunnelStage> Of(SimulationResult result, string indicationId, int year)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = result.YearsOf(indicationId)?.FirstOrDefault(y => y.Year == year)?.Metrics;
        if (metrics is null) return [];
        var indication = result.Scenario.Indications.FirstOrDefault(i => i.Id == indicationId);
        var wanted = new List<(string Label, string Metric, FunnelStageKind Kind)> { ("Incident cases", MetricNames.Incident, FunnelStageKind.Flow) };
        if (indication is not null) wanted.AddRange(indication.PreTestSteps.Select(s => (s.Name ?? s.Id, s.Id, FunnelStageKind.Flow)));
        // The reflex stages only where a modality has a reflex test (the metrics are 0 elsewhere).
        bool reflex = indicationId == OutputTotal
            ? result.Scenario.Indications.Any(i => i.Testing.HasReflex)
            : indication?.Testing.HasReflex == true;
        wanted.AddRange([
            ("Later line (eligible for the label)", MetricNames.LaterLine, FunnelStageKind.Flow),
            ("Tested for NRG1 fusions", MetricNames.Tested, FunnelStageKind.Flow),
        ]);
        if (reflex) wanted.Add(("  given a reflex test after a negative one", MetricNames.ReflexTested, FunnelStageKind.Part));
        wanted.AddRange([
            ("NRG1 fusion-positive (tested or not)", MetricNames.FusionPositive, FunnelStageKind.Flow),
            ("  never tested (lost)", MetricNames.UntestedFusionPositive, FunnelStageKind.Lost),
            ("  tested, missed by the test (lost)", MetricNames.FalseNegative, FunnelStageKind.Lost),
            ("  found by the test", MetricNames.TruePositive, FunnelStageKind.Part),
            ("Identified (test-positive)", MetricNames.Identified, FunnelStageKind.Flow),
            ("  of whom false positive", MetricNames.FalsePositive, FunnelStageKind.FalsePositive),
        ]);
        if (reflex) wanted.Add(("  of whom found by the reflex test", MetricNames.IdentifiedByReflex, FunnelStageKind.Part));
        if (indication is not null) wanted.AddRange(indication.PostDetectionSteps.Select(s => (s.Name ?? s.Id, s.Id, FunnelStageKind.Flow)));
        wanted.AddRange([
            ("New starts on BIZENGRI", MetricNames.TreatedNew, FunnelStageKind.Flow),
            ("  false positives treated", MetricNames.TreatedNewFalsePositive, FunnelStageKind.FalsePositive),
        ]);
        return [.. wanted.Where(w => metrics.ContainsKey(w.Metric)).Select(w => new FunnelStage(w.Label, w.Metric, w.Kind, metrics[w.Metric]))];
    }
}
