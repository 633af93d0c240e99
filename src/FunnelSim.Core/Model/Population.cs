namespace FunnelSim.Model;

/// <summary>The population a scenario is run for; it scales every indication's incidence.</summary>
public abstract record Population
{
    /// <summary>Multiplier applied to national incidence.</summary>
    public abstract double Scale { get; }
}

/// <summary>The whole reference population (scale 1).</summary>
public sealed record NationalPopulation : Population
{
    /// <inheritdoc />
    public override double Scale => 1.0;
}

/// <summary>
/// A health plan: <c>scale = members / referencePopulation × riskAdjustment</c>, or, with a <see cref="MemberMix"/>,
/// per indication <c>members / referencePopulation × Σ share × multiplier</c> (the multipliers may be uncertain).
/// </summary>
/// <param name="Members">Plan members.</param>
/// <param name="ReferencePopulation">Population the national incidences refer to.</param>
/// <param name="RiskAdjustment">Relative cancer incidence of the plan's members versus the reference population.</param>
public sealed record PlanPopulation(double Members, double ReferencePopulation, double RiskAdjustment) : Population
{
    /// <inheritdoc />
    public override double Scale => Members / ReferencePopulation * RiskAdjustment;

    /// <summary>Members by line of business (empty: <see cref="RiskAdjustment"/> applies). With a mix, RiskAdjustment is 1.</summary>
    public System.Collections.Immutable.ImmutableArray<MemberGroup> MemberMix { get; init; } = [];
}
