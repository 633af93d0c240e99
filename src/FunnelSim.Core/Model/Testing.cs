using System.Collections.Immutable;

namespace FunnelSim.Model;

/// <summary>Biomarker testing before the later-line decision.</summary>
/// <param name="Uptake">Probability that a later-line patient is tested.</param>
/// <param name="Modalities">Test methods; their shares of tested patients sum to 1.</param>
public sealed record Testing(Parameter Uptake, ImmutableArray<Modality> Modalities)
{
    /// <summary>
    /// Testing uptake in the world without BIZENGRI, for a budget impact analysis (null: the same as
    /// <see cref="Uptake"/>). Where it is lower, the extra tests of the world with BIZENGRI are part of the impact.
    /// </summary>
    public Parameter? UptakeWithoutBizengri { get; init; }

    /// <summary>
    /// Testing uptake of fusion-positive patients relative to fusion-negative ones (null: 1). <see cref="Uptake"/> (and
    /// <see cref="UptakeWithoutBizengri"/>) is then the rate among fusion-negative patients, and a fusion-positive patient
    /// is tested with probability min(1, uptake × ratio).
    /// </summary>
    public Parameter? UptakeRatioFusionPositive { get; init; }

    /// <summary>True when some modality names a reflex test.</summary>
    public bool HasReflex => Modalities.Any(m => m.Reflex is not null);
}
