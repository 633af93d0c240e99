using System.Collections.Immutable;

namespace FunnelSim.Model;

/// <summary>
/// One line of business of a health plan's members (commercial, Medicare, Medicaid): its share of the members and
/// its cancer incidence relative to the reference population, overall or per indication.
/// </summary>
/// <param name="Line">Line of business: <c>commercial</c>, <c>medicare</c> or <c>medicaid</c>.</param>
/// <param name="Share">Share of the plan's members, in [0, 1]; the shares of a mix sum to 1.</param>
/// <param name="IncidenceMultiplier">Relative incidence for every indication without its own multiplier.</param>
/// <param name="IndicationMultipliers">Relative incidence per indication id, overriding <paramref name="IncidenceMultiplier"/>.</param>
public sealed record MemberGroup(
    string Line,
    double Share,
    Parameter IncidenceMultiplier,
    ImmutableArray<IndicationMultiplier> IndicationMultipliers)
{
    /// <summary>The multiplier that applies to <paramref name="indicationId"/>.</summary>
    public Parameter MultiplierFor(string indicationId) =>
        IndicationMultipliers.FirstOrDefault(m => m.IndicationId == indicationId)?.Multiplier ?? IncidenceMultiplier;
}
