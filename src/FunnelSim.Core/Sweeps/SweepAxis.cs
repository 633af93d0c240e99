using System.Collections.Immutable;

namespace FunnelSim.Sweeps;

/// <summary>One axis of a sweep: a number in the scenario, named by its JSON path, and the values it takes.</summary>
/// <param name="Path">JSON path in the base scenario, e.g. <c>indications[1].testing.uptake.value</c>.</param>
/// <param name="Values">The values, in the order they are run.</param>
/// <param name="Line">Line of the axis's <c>path</c> in the sweep file, for messages.</param>
/// <param name="Column">Column of the axis's <c>path</c> in the sweep file.</param>
public sealed record SweepAxis(string Path, ImmutableArray<double> Values, int? Line = null, int? Column = null);
