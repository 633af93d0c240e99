using FunnelSim.Distributions;
using FunnelSim.Results;
using FunnelSim.Sampling;
using FunnelSim.Scenarios;

namespace FunnelSim.Engine;

/// <summary>Compiles a validated <see cref="Scenario"/> into a <see cref="CompiledModel"/>.</summary>
public static class ModelCompiler
{
    // Offsets of the fixed metrics inside an indication's metric list, after the pre-test steps.
    internal const int LaterLineOffset = 0, FusionPositiveOffset = 1, TestedOffset = 2, TruePositiveOffset = 3,
        FalsePositiveOffset = 4, FalseNegativeOffset = 5, UntestedOffset = 6, IdentifiedOffset = 7, PreTestBlock = 8;
    // ... and after the post-detection steps.
    internal const int TreatedNewOffset = 0, TreatedTruePositiveOffset = 1, TreatedFalsePositiveOffset = 2,
        OnTreatmentOffset = 3, DosesOffset = 4, PostBlock = 5;

    /// <summary>Compiles <paramref name="scenario"/>; it must have passed validation.</summary>
    public static CompiledModel Compile(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var parameters = new List<CompiledParameter>();
        var indications = new CompiledIndication[scenario.Indications.Length];

        for (int i = 0; i < indications.Length; i++)
            indications[i] = CompileIndication(scenario.Indications[i], scenario.Years, parameters);

        var (totalMetrics, totalSources) = TotalLayout(indications);
        return new CompiledModel(scenario, [.. parameters], indications, totalMetrics, totalSources);
    }

    private static CompiledIndication CompileIndication(Indication indication, int years, List<CompiledParameter> parameters)
    {
        string root = indication.Id;
        int Add(string name, Parameter p) => AddParameter(parameters, $"{root}/{name}", p, years);

        var modalities = indication.Testing.Modalities.Select(m => new CompiledModality(
            m.Share,
            Add($"testing/modalities/{m.Id}/sensitivity", m.Sensitivity),
            Add($"testing/modalities/{m.Id}/specificity", m.Specificity),
            StreamKey.Of($"{root}/count/modality/{m.Id}/true-positive"),
            StreamKey.Of($"{root}/count/modality/{m.Id}/false-positive"))).ToArray();

        var (kind, spread) = indication.Treatment.DurationMonths switch
        {
            ExponentialDuration => (DurationKind.Exponential, -1),
            WeibullDuration w => (DurationKind.Weibull, Add("treatment/durationMonths/shape", w.Shape)),
            LogNormalDuration l => (DurationKind.LogNormal, Add("treatment/durationMonths/sdLog", l.SdLog)),
            _ => throw new ArgumentException("unknown duration model", nameof(indication)),
        };

        var metrics = new List<string> { MetricNames.Incident };
        metrics.AddRange(indication.PreTestSteps.Select(s => s.Id));
        metrics.AddRange([
            MetricNames.LaterLine, MetricNames.FusionPositive, MetricNames.Tested, MetricNames.TruePositive,
            MetricNames.FalsePositive, MetricNames.FalseNegative, MetricNames.UntestedFusionPositive, MetricNames.Identified,
        ]);
        metrics.AddRange(indication.PostDetectionSteps.Select(s => s.Id));
        metrics.AddRange([
            MetricNames.TreatedNew, MetricNames.TreatedNewTruePositive, MetricNames.TreatedNewFalsePositive,
            MetricNames.OnTreatment, MetricNames.Doses,
        ]);

        return new CompiledIndication
        {
            Id = indication.Id,
            Name = indication.Name,
            Incidence = Add("incidence", indication.Incidence),
            Growth = Add("annualGrowth", indication.AnnualGrowth),
            PreTestSteps = indication.PreTestSteps.Select(s => Add($"preTestSteps/{s.Id}/probability", s.Probability)).ToArray(),
            Prevalence = Add("prevalence", indication.Prevalence),
            Uptake = Add("testing/uptake", indication.Testing.Uptake),
            Modalities = modalities,
            PostDetectionSteps = indication.PostDetectionSteps.Select(s => Add($"postDetectionSteps/{s.Id}/probability", s.Probability)).ToArray(),
            DurationKind = kind,
            DurationMedian = Add("treatment/durationMonths/median", indication.Treatment.DurationMonths.Median),
            DurationSpread = spread,
            DoseIntervalDays = indication.Treatment.DoseIntervalDays,
            IncidentKey = StreamKey.Of($"{root}/count/incident"),
            PreTestKeys = indication.PreTestSteps.Select(s => StreamKey.Of($"{root}/count/preTestSteps/{s.Id}")).ToArray(),
            FusionKey = StreamKey.Of($"{root}/count/fusion"),
            TestedFusionKey = StreamKey.Of($"{root}/count/tested-fusion"),
            TestedOtherKey = StreamKey.Of($"{root}/count/tested-other"),
            PostTruePositiveKeys = indication.PostDetectionSteps.Select(s => StreamKey.Of($"{root}/count/postDetectionSteps/{s.Id}/true-positive")).ToArray(),
            PostFalsePositiveKeys = indication.PostDetectionSteps.Select(s => StreamKey.Of($"{root}/count/postDetectionSteps/{s.Id}/false-positive")).ToArray(),
            TreatmentKey = StreamKey.Of($"{root}/count/treatment"),
            Metrics = [.. metrics],
        };
    }

    private static int AddParameter(List<CompiledParameter> parameters, string name, Parameter parameter, int years)
    {
        var progress = new double[years];
        Distribution? target = null;
        if (parameter.Ramp is { } ramp)
        {
            target = ramp.To.Distribution;
            for (int t = 0; t < years; t++) progress[t] = RampCurve.Progress(ramp.Shape, t, ramp.Years);
        }
        parameters.Add(new CompiledParameter(name, parameter.Distribution, target, progress));
        return parameters.Count - 1;
    }

    /// <summary>
    /// The total carries every fixed metric, plus the step metrics whose id occurs in every indication
    /// (only then is their sum meaningful), in the first indication's order.
    /// </summary>
    private static (string[] Metrics, int[][] Sources) TotalLayout(CompiledIndication[] indications)
    {
        var names = indications[0].Metrics
            .Where(name => indications.All(i => i.Metrics.Contains(name)))
            .ToArray();
        var sources = names
            .Select(name => indications.Select(i => Array.IndexOf(i.Metrics, name)).ToArray())
            .ToArray();
        return (names, sources);
    }
}
