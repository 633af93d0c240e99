namespace FunnelSim.Model;

/// <summary>
/// A rank (Spearman) correlation between two uncertain parameters' draws, e.g. testing uptake moving together across
/// indications. Parameters are named by their JSON path as in <see cref="Compilation.ModelParameter.Path"/>
/// (<c>indications[1].testing.uptake</c>), or <c>PATH.ramp.to</c> for a ramp's target.
/// </summary>
/// <param name="A">Path of the first parameter.</param>
/// <param name="B">Path of the second parameter.</param>
/// <param name="Rho">Spearman rank correlation in [−1, 1].</param>
public sealed record Correlation(string A, string B, double Rho);
