using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Compilation;

/// <summary>Compiles a validated <see cref="Scenario"/> into a <see cref="CompiledModel"/>.</summary>
public static partial class ModelCompiler
{
    /// <summary>Compiles <paramref name="scenario"/>; it must have passed validation.</summary>
    public static CompiledModel Compile(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var parameters = new List<CompiledParameter>();
        var indications = new CompiledIndication[scenario.Indications.Length];

        // Parameters in document order: the population's member mix, the indications, then the costs.
        var memberMix = CompileMemberMix(scenario, parameters);
        for (int i = 0; i < indications.Length; i++)
            indications[i] = CompileIndication(scenario.Indications[i], i, scenario.Years, parameters);
        var budget = scenario.Costs is { } costs ? CompileBudget(scenario, costs, indications, parameters) : null;

        var (totalMetrics, totalSources) = TotalLayout(indications);
        return new CompiledModel(scenario, [.. parameters], indications, totalMetrics, totalSources)
        {
            MemberMix = memberMix,
            Budget = budget,
        };
    }

    private static CompiledIndication CompileIndication(Indication indication, int index, int years, List<CompiledParameter> parameters)
    {
        string root = indication.Id;
        string pathRoot = $"indications[{index}]";
        string display = indication.Name ?? indication.Id;
        // The stream name is the stable random-stream key (ids, not positions, so reordering keeps the streams);
        // the path is what validation messages and analyses call the parameter.
        int Add(string name, string path, string label, Parameter p) =>
            AddParameter(parameters, $"{root}/{name}", $"{pathRoot}.{path}", $"{display} · {label}", p, years);
        string StepLabel(Step s) => s.Name ?? s.Id;
        string ModalityLabel(Modality m) => m.Name ?? m.Id;

        // Added in document order, so reports list parameters as the file does.
        int incidence = Add("incidence", "incidence", "incidence", indication.Incidence);
        int growth = Add("annualGrowth", "annualGrowth", "annual growth", indication.AnnualGrowth);
        int[] preTest = indication.PreTestSteps.Select((s, k) => Add($"preTestSteps/{s.Id}/probability",
            $"preTestSteps[{k}].probability", StepLabel(s), s.Probability)).ToArray();
        int prevalence = Add("prevalence", "prevalence", "NRG1 fusion prevalence", indication.Prevalence);
        int uptake = Add("testing/uptake", "testing.uptake", "testing uptake", indication.Testing.Uptake);
        int uptakeWithout = indication.Testing.UptakeWithoutBizengri is { } without
            ? Add("testing/uptakeWithoutBizengri", "testing.uptakeWithoutBizengri", "testing uptake without BIZENGRI", without)
            : -1;
        int uptakeRatio = indication.Testing.UptakeRatioFusionPositive is { } ratio
            ? Add("testing/uptakeRatioFusionPositive", "testing.uptakeRatioFusionPositive", "testing uptake ratio, fusion-positive", ratio)
            : -1;
        var modalityIds = indication.Testing.Modalities.Select(m => m.Id).ToList();
        var modalities = indication.Testing.Modalities.Select((m, k) => new CompiledModality(
            m.Share,
            Add($"testing/modalities/{m.Id}/sensitivity", $"testing.modalities[{k}].sensitivity",
                $"{ModalityLabel(m)} sensitivity", m.Sensitivity),
            Add($"testing/modalities/{m.Id}/specificity", $"testing.modalities[{k}].specificity",
                $"{ModalityLabel(m)} specificity", m.Specificity),
            StreamKey.Of($"{root}/count/modality/{m.Id}/true-positive"),
            StreamKey.Of($"{root}/count/modality/{m.Id}/false-positive"))
        {
            // Its own streams, drawn only where a reflex exists: every other count keeps its random numbers.
            Reflex = m.Reflex is { } reflex ? modalityIds.IndexOf(reflex.Modality) : -1,
            ReflexProbability = m.Reflex is { } r
                ? Add($"testing/modalities/{m.Id}/reflex/probability", $"testing.modalities[{k}].reflex.probability",
                    $"{ModalityLabel(m)} reflex probability", r.Probability)
                : -1,
            ReflexFusionKey = StreamKey.Of($"{root}/count/modality/{m.Id}/reflex-fusion"),
            ReflexOtherKey = StreamKey.Of($"{root}/count/modality/{m.Id}/reflex-other"),
        }).ToArray();

        int[] postDetection = indication.PostDetectionSteps.Select((s, k) => Add($"postDetectionSteps/{s.Id}/probability",
            $"postDetectionSteps[{k}].probability", StepLabel(s), s.Probability)).ToArray();
        int median = Add("treatment/durationMonths/median", "treatment.durationMonths.median",
            "median months on treatment", indication.Treatment.DurationMonths.Median);
        var (kind, spread) = indication.Treatment.DurationMonths switch
        {
            ExponentialDuration => (DurationKind.Exponential, -1),
            WeibullDuration w => (DurationKind.Weibull, Add("treatment/durationMonths/shape",
                "treatment.durationMonths.shape", "treatment duration Weibull shape", w.Shape)),
            LogNormalDuration l => (DurationKind.LogNormal, Add("treatment/durationMonths/sdLog",
                "treatment.durationMonths.sdLog", "treatment duration sdLog", l.SdLog)),
            _ => throw new ArgumentException("unknown duration model", nameof(indication)),
        };

        // In the order of CellLayout's blocks.
        var metrics = new List<string> { MetricNames.Incident };
        metrics.AddRange(indication.PreTestSteps.Select(s => s.Id));
        metrics.AddRange([
            MetricNames.LaterLine, MetricNames.FusionPositive, MetricNames.Tested, MetricNames.TruePositive,
            MetricNames.FalsePositive, MetricNames.FalseNegative, MetricNames.UntestedFusionPositive, MetricNames.Identified,
            MetricNames.ReflexTested, MetricNames.IdentifiedByReflex,
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
            Incidence = incidence,
            Growth = growth,
            PreTestSteps = preTest,
            Prevalence = prevalence,
            Uptake = uptake,
            UptakeWithoutBizengri = uptakeWithout,
            UptakeRatioFusionPositive = uptakeRatio,
            HasReflex = modalities.Any(m => m.Reflex >= 0),
            Modalities = modalities,
            PostDetectionSteps = postDetection,
            DurationKind = kind,
            DurationMedian = median,
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

    private static int AddParameter(List<CompiledParameter> parameters, string name, string path, string label,
        Parameter parameter, int years)
    {
        var progress = new double[years];
        Distribution? target = null;
        if (parameter.Ramp is { } ramp)
        {
            target = ramp.To.Distribution;
            for (int t = 0; t < years; t++) progress[t] = RampCurve.Progress(ramp.Shape, t, ramp.Years);
        }
        parameters.Add(new CompiledParameter(name, path, label, parameter.Distribution, target, progress) { Source = parameter });
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
