namespace FunnelSim.Model;

/// <summary>What to do with rank correlations the Gaussian copula cannot draw (their normal-score matrix is not positive
/// definite): JSON <c>simulation.correlationRepair</c>.</summary>
public enum CorrelationRepair
{
    /// <summary>Refuse them with an explanation (JSON: <c>none</c>, the default).</summary>
    None,
    /// <summary>Use the nearest valid correlation matrix (Higham 2002), with a warning naming every correlation that
    /// changed (JSON: <c>nearest</c>).</summary>
    Nearest,
}
