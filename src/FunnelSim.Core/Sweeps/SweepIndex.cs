namespace FunnelSim.Sweeps;

/// <summary>
/// The index of a sweep's outputs (<c>sweep.json</c>): what was swept, the notes, how it was run, and every point with
/// its values, status and results file, so scripts can find each result.
/// </summary>
/// <param name="Base">The base scenario file.</param>
/// <param name="Axes">The axes.</param>
/// <param name="Notes">What the sweep did besides setting values.</param>
/// <param name="Iterations">Iterations per point, when overridden on the command line; else null (each scenario's own).</param>
/// <param name="Seed">Seed, when overridden; else null.</param>
/// <param name="Summary">The summary table's file name.</param>
/// <param name="Points">Every point, in run order.</param>
public sealed record SweepIndex(string Base, IReadOnlyList<SweepAxisReport> Axes, IReadOnlyList<string> Notes,
    long? Iterations, ulong? Seed, string Summary, IReadOnlyList<SweepPointReport> Points);
