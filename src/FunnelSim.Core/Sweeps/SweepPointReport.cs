namespace FunnelSim.Sweeps;

/// <summary>What became of one point, as the sweep's index file lists it.</summary>
/// <param name="Index">The point's index.</param>
/// <param name="Values">Axis path → value.</param>
/// <param name="Status"><c>ok</c>, or <c>invalid</c> when the point's scenario failed validation.</param>
/// <param name="File">The point's results file name (in the output folder); null when it did not run.</param>
/// <param name="Errors">The validator's messages for an invalid point.</param>
public sealed record SweepPointReport(int Index, IReadOnlyDictionary<string, double> Values, string Status, string? File,
    IReadOnlyList<string> Errors)
{
    /// <summary>The point's per-iteration draws file name (in the output folder, <c>--draws</c>); null when none was written.</summary>
    public string? Draws { get; init; }
}
