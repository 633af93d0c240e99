namespace FunnelSim.Analysis;

/// <summary>How strongly one uncertain input drives the chosen output, by three methods.</summary>
/// <param name="Path">JSON path of the input in the scenario file.</param>
/// <param name="Label">Human name.</param>
/// <param name="Spearman">Spearman rank correlation of the input's draws with the output (−1 to 1).</param>
/// <param name="StandardizedCoefficient">Standardized regression coefficient (OLS on standardized variables).</param>
/// <param name="VarianceShare">Permutation importance in the tree surrogate on a variance-share scale: half the drop in
/// held-out R² when the input is shuffled (shuffling replaces the input's effect by an independent copy, which adds twice
/// its variance to the error). For independent inputs, the share of the output's variance that involves the input (its
/// total-effect index): one input that explains everything has 1.</param>
/// <param name="Ranks">This input's rank (1 = strongest) by each method.</param>
public sealed record ParameterDriver(
    string Path,
    string Label,
    double Spearman,
    double StandardizedCoefficient,
    double VarianceShare,
    DriverRanks Ranks);
