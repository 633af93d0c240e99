namespace FunnelSim.Json;

/// <summary>
/// Reads scenario files the way every front end should: a plain scenario as written, or an <b>overlay</b> — a file
/// that <c>extends</c> a base (a path relative to the overlay, or <c>builtin:us-national-base</c>) and <c>set</c>s
/// values in it — resolved and validated as the scenario it stands for. Command-line changes (<c>--set</c>) are
/// applied last, in the same way. See docs/scenario-format.md#overlays.
/// </summary>
public static class ScenarioSource
{
    /// <summary>The <c>extends</c> value naming the base case shipped inside the core.</summary>
    public const string BuiltInUsNationalBase = "builtin:us-national-base";

    /// <summary>
    /// Reads the scenario or overlay file at <paramref name="path"/>, then applies <paramref name="settings"/>. Throws
    /// only <see cref="OperationCanceledException"/>, when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static ScenarioLoadResult ReadFile(string path, IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new OverlayResolver(cancellationToken).Load(OverlayResolver.Source.FromFile(path, path, cancellationToken), settings ?? []);
    }

    /// <summary>
    /// Reads a scenario or overlay from UTF-8 JSON (e.g. standard input): a relative <c>extends</c> is resolved against
    /// <paramref name="folder"/>; <paramref name="label"/> names the input in messages.
    /// </summary>
    public static ScenarioLoadResult Read(ReadOnlySpan<byte> utf8Json, string folder, string label,
        IReadOnlyList<OverlaySetting>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(label);
        var source = new OverlayResolver.Source(Path.GetFullPath(Path.Combine(folder, "<" + label + ">")), label,
            Path.GetFullPath(folder), utf8Json.ToArray(), null);
        return new OverlayResolver().Load(source, settings ?? []);
    }

    /// <summary>The built-in US national base case with <paramref name="settings"/> applied.</summary>
    public static ScenarioLoadResult ReadBuiltIn(IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default) =>
        new OverlayResolver(cancellationToken).Load(OverlayResolver.Source.BuiltIn(), settings ?? []);
}
