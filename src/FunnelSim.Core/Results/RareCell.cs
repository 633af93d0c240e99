namespace FunnelSim.Results;

/// <summary>A cell of a <c>--precision</c> run with a non-zero exact expectation that was 0 in every iteration simulated.</summary>
/// <param name="Cell">The cell, e.g. <c>cca 2026</c>.</param>
/// <param name="Expected">Its exact expectation per iteration (with every parameter at its mean).</param>
public sealed record RareCell(string Cell, double Expected);
