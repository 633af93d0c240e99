using System.Collections.Immutable;
using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>
/// The outcome of reading a scenario: the scenario when there are no errors, and every diagnostic found
/// (errors and warnings, in document order).
/// </summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the scenario can be run (warnings allowed).</summary>
    public bool IsValid => Scenario is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>
    /// The scenario document that was validated when the file was an overlay (or <c>--set</c> changed it): the base
    /// with every change applied, as indented JSON; null for a plain scenario read as written.
    /// </summary>
    public string? ResolvedJson { get; init; }

    /// <summary>The warnings only.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>Where each JSON path of the read text is, for checks after reading (null when the text was unreadable).</summary>
    internal PositionMap? Positions { get; init; }

    /// <summary>The kind of every shorthand <c>{ value, low, high }</c> read, by path (indexes, as diagnostics write them):
    /// how its range moves when an override changes its value (<see cref="RangeCarry"/>). Empty when the text was unreadable.</summary>
    internal IReadOnlyDictionary<string, ParameterKind> ShorthandKinds { get; init; } = new Dictionary<string, ParameterKind>();
}
