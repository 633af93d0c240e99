namespace FunnelSim.Analysis;

/// <summary>How strongly one uncertain input drives the chosen output, by three methods.</summary>
/// <param name="Path">JSON path of the input in the scenario file.</param>
/// <param name="Label">Human name.</param>
/// <param name="Spearman">Spearman rank correlation of the input's draws with the output (−1 to 1).</param>
/// <param name="StandardizedCoefficient">Standardized regression coefficient (OLS on standardized variables).</param>
/// <param name="Importance">Permutation importance in the tree surrogate: the drop in held-out R² when the input is shuffled.</param>
/// <param name="Ranks">This input's rank (1 = strongest) by each method.</param>
public sealed record ParameterDriver(
    string Path,
    string Label,
    double Spearman,
    double StandardizedCoefficient,
    double Importance,
    DriverRanks Ranks);
