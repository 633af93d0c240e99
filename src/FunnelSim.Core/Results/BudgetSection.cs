namespace FunnelSim.Results;

/// <summary>A titled group of rows of the budget impact table (patients, the world with BIZENGRI, …).</summary>
/// <param name="Heading">The group's title.</param>
/// <param name="Rows">Its rows, in reading order.</param>
public sealed record BudgetSection(string Heading, IReadOnlyList<BudgetRow> Rows);
