namespace FunnelSim.Compilation;

/// <summary>A modality in the hot loop: parameter indices and stream keys.</summary>
/// <param name="Share">Share of the tested given this modality first.</param>
/// <param name="Sensitivity">Parameter index.</param>
/// <param name="Specificity">Parameter index.</param>
/// <param name="TruePositiveKey">Stream of the fusion-positive chain.</param>
/// <param name="FalsePositiveKey">Stream of the fusion-negative chain.</param>
internal readonly record struct CompiledModality(
    double Share,
    int Sensitivity,
    int Specificity,
    ulong TruePositiveKey,
    ulong FalsePositiveKey)
{
    /// <summary>Index of the reflex modality after a negative result here; −1 for none.</summary>
    public int Reflex { get; init; } = -1;

    /// <summary>Parameter index of the reflex probability; −1 without a reflex.</summary>
    public int ReflexProbability { get; init; } = -1;

    /// <summary>Streams of the reflex draws among this modality's negatives, fusion-positive and fusion-negative.</summary>
    public ulong ReflexFusionKey { get; init; }

    /// <inheritdoc cref="ReflexFusionKey"/>
    public ulong ReflexOtherKey { get; init; }
}
