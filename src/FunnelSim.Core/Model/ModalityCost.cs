namespace FunnelSim.Model;

/// <summary>The cost of one test of a modality.</summary>
/// <param name="ModalityId">Modality id, as in the indications' testing.</param>
/// <param name="Cost">Cost per test.</param>
public sealed record ModalityCost(string ModalityId, Parameter Cost);
