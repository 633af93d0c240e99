namespace FunnelSim.Compilation;

/// <summary>One line of business in an indication's plan scale: its share of members and its multiplier's parameter index.</summary>
internal readonly record struct MemberMixTerm(double Share, int Multiplier);
