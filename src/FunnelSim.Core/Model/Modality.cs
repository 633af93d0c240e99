namespace FunnelSim.Model;

/// <summary>A test method (e.g. tissue RNA NGS) and its accuracy for NRG1 fusions.</summary>
/// <param name="Id">Stable id, unique within its indication's modalities.</param>
/// <param name="Name">Optional human name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="Share">Fixed share of tested patients tested this way.</param>
/// <param name="Sensitivity">Probability a fusion-positive patient tests positive.</param>
/// <param name="Specificity">Probability a fusion-negative patient tests negative.</param>
public sealed record Modality(string Id, string? Name, string? Description, double Share, Parameter Sensitivity, Parameter Specificity)
{
    /// <summary>The reflex test after a negative result of this modality; null for none.</summary>
    public Reflex? Reflex { get; init; }
}
