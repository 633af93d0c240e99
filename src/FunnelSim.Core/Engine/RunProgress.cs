namespace FunnelSim.Engine;

/// <summary>Progress of a run: iterations finished of the total.</summary>
public readonly record struct RunProgress(long Done, long Total)
{
    /// <summary>Share done, 0–1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
