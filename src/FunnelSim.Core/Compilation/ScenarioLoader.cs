using System.Collections.Immutable;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Compilation;

/// <summary>
/// Reads a scenario (or an overlay, see <see cref="ScenarioSource"/>) and runs the checks that need its compiled model
/// (rank correlations, <see cref="CorrelationCheck"/>), so the result is the whole verdict on a scenario: what
/// <c>funnelsim validate</c> reports and what a run may trust. Never throws on bad input. <see cref="ScenarioReader"/>
/// and <see cref="ScenarioSource"/> alone check syntax, values and cross-references, not the correlations; reading a
/// file never needs the compiler.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and checks a plain scenario from UTF-8 JSON bytes (a leading byte order mark is allowed).</summary>
    public static ScenarioLoadResult Read(ReadOnlySpan<byte> utf8Json) => Check(ScenarioReader.Read(utf8Json));

    /// <summary>Reads and checks a plain scenario from JSON text.</summary>
    public static ScenarioLoadResult Read(string json) => Check(ScenarioReader.Read(json));

    /// <summary>Reads the scenario or overlay file at <paramref name="path"/>, applies <paramref name="settings"/>, and checks the result.</summary>
    /// <remarks>An unreadable or oversized file is an error diagnostic, not an exception.</remarks>
    public static ScenarioLoadResult ReadFile(string path, IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default) =>
        Check(ScenarioSource.ReadFile(path, settings, cancellationToken));

    /// <summary>Reads a scenario or overlay from UTF-8 JSON (see <see cref="ScenarioSource.Read"/>) and checks the result.</summary>
    public static ScenarioLoadResult Read(ReadOnlySpan<byte> utf8Json, string folder, string label,
        IReadOnlyList<OverlaySetting>? settings = null) =>
        Check(ScenarioSource.Read(utf8Json, folder, label, settings));

    /// <summary>The built-in US national base case with <paramref name="settings"/> applied, checked.</summary>
    public static ScenarioLoadResult ReadBuiltIn(IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default) =>
        Check(ScenarioSource.ReadBuiltIn(settings, cancellationToken));

    /// <summary>
    /// Adds the post-compile checks to what was read: run only on a scenario read without errors; their errors carry line
    /// and column like the reader's where the text read is the file's (not for a resolved overlay), in document order,
    /// and make the result invalid.
    /// </summary>
    public static ScenarioLoadResult Check(ScenarioLoadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!read.IsValid) return read;
        var found = CorrelationCheck.Check(read.Scenario!);
        if (found.IsEmpty) return read;
        var located = found.Select(e => read.Positions?.ValueAt(e.Path) is { } at ? e with { Line = at.Line, Column = at.Column } : e);
        ImmutableArray<Diagnostic> diagnostics =
            [.. read.Diagnostics.Concat(located).OrderBy(d => d.Line ?? int.MaxValue).ThenBy(d => d.Column ?? int.MaxValue)];
        return read with { Scenario = found.Any(d => d.IsError) ? null : read.Scenario, Diagnostics = diagnostics };
    }
}
