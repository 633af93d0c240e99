namespace FunnelSim.Analysis;

/// <summary>An input's rank (1 = strongest) by each method of the drivers analysis.</summary>
/// <param name="Spearman">By |Spearman rank correlation|.</param>
/// <param name="Regression">By |standardized regression coefficient|.</param>
/// <param name="Importance">By permutation importance in the tree surrogate.</param>
public sealed record DriverRanks(int Spearman, int Regression, int Importance);
