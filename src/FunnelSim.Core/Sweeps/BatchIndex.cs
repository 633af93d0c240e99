namespace FunnelSim.Sweeps;

/// <summary>
/// <c>batch.json</c>: which result file holds the results of which scenario file of a batch (names are sanitised, so
/// <c>x y.json</c> gives <c>x-y.results.json</c>), and which scenarios failed and why.
/// </summary>
/// <param name="Iterations">The --iterations override, if any.</param>
/// <param name="Seed">The --seed override, if any.</param>
/// <param name="Items">One entry per scenario file, in run order.</param>
public sealed record BatchIndex(long? Iterations, ulong? Seed, IReadOnlyList<BatchItemReport> Items);

/// <summary>One scenario of a batch.</summary>
/// <param name="Input">The scenario file as given (or found in a folder).</param>
/// <param name="Status"><c>ok</c>, <c>invalid</c> (did not validate) or <c>failed</c> (could not be simulated or written).</param>
/// <param name="File">The result file's name in the output folder; null unless ok.</param>
/// <param name="Errors">Why it is not ok.</param>
public sealed record BatchItemReport(string Input, string Status, string? File, IReadOnlyList<string> Errors)
{
    /// <summary>The per-iteration draws file's name in the output folder (<c>--draws</c>); null when none was written.</summary>
    public string? Draws { get; init; }
}
