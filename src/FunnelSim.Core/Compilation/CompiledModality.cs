namespace FunnelSim.Compilation;

/// <summary>A modality in the hot loop: parameter indices and stream keys.</summary>
internal readonly record struct CompiledModality(
    double Share,
    int Sensitivity,
    int Specificity,
    ulong TruePositiveKey,
    ulong FalsePositiveKey);
