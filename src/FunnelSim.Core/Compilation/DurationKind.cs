namespace FunnelSim.Compilation;

/// <summary>Family of the per-patient time on treatment.</summary>
internal enum DurationKind
{
    Exponential,
    Weibull,
    LogNormal,
}
