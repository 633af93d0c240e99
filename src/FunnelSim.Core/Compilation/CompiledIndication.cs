namespace FunnelSim.Compilation;

/// <summary>
/// One indication in array form. Parameter fields are indices into <see cref="CompiledModel.Parameters"/>;
/// <c>*Key</c> fields are the stream keys of the random counts.
/// </summary>
internal sealed class CompiledIndication
{
    public required string Id { get; init; }
    public required string? Name { get; init; }
    public required int Incidence { get; init; }
    public required int Growth { get; init; }
    public required int[] PreTestSteps { get; init; }
    public required int Prevalence { get; init; }
    public required int Uptake { get; init; }
    /// <summary>Testing uptake in the world without BIZENGRI (budget impact); −1 when not given.</summary>
    public int UptakeWithoutBizengri { get; init; } = -1;
    /// <summary>Testing uptake of fusion-positive relative to fusion-negative patients; −1 when not given (a ratio of 1).</summary>
    public int UptakeRatioFusionPositive { get; init; } = -1;
    /// <summary>True when some modality has a reflex test (see <see cref="CompiledModality.Reflex"/>).</summary>
    public bool HasReflex { get; init; }
    public required CompiledModality[] Modalities { get; init; }
    public required int[] PostDetectionSteps { get; init; }
    public required DurationKind DurationKind { get; init; }
    public required int DurationMedian { get; init; }
    /// <summary>Weibull shape or log-normal sdLog; −1 for the exponential.</summary>
    public required int DurationSpread { get; init; }
    public required double DoseIntervalDays { get; init; }

    public required ulong IncidentKey { get; init; }
    public required ulong[] PreTestKeys { get; init; }
    public required ulong FusionKey { get; init; }
    public required ulong TestedFusionKey { get; init; }
    public required ulong TestedOtherKey { get; init; }
    public required ulong[] PostTruePositiveKeys { get; init; }
    public required ulong[] PostFalsePositiveKeys { get; init; }
    public required ulong TreatmentKey { get; init; }

    /// <summary>Metric names of this indication, in report order.</summary>
    public required string[] Metrics { get; init; }
}
