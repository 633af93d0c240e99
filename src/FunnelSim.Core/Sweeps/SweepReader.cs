using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>
/// Reads sweep files: <c>{ "base": "scenario.json", "axes": [ { "path": "…", "values": [ … ] }, … ] }</c>. Never throws
/// on bad input: every problem is a <see cref="Diagnostic"/> with its JSON path and line and column.
/// </summary>
public static class SweepReader
{
    /// <summary>Most points (combinations) a sweep may have.</summary>
    public const int MaxPoints = 1_000;

    /// <summary>Most axes a sweep may have.</summary>
    public const int MaxAxes = 8;

    private const int MaxBytes = 1024 * 1024;
    private static readonly string[] RootProperties = ["$schema", "description", "base", "axes"];
    private static readonly string[] AxisProperties = ["path", "values"];

    /// <summary>Reads a sweep file; its <c>base</c> is resolved against the file's folder.</summary>
    public static SweepLoadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxBytes) return Failure($"the sweep file is over {MaxBytes} bytes");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            return Failure($"cannot read '{path}': {e.Message}");
        }
        return Read(bytes, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Reads a sweep from UTF-8 JSON; a relative <c>base</c> is resolved against <paramref name="folder"/>.</summary>
    public static SweepLoadResult Read(ReadOnlySpan<byte> utf8Json, string folder)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble)) utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty)
            return Failure("the sweep file is empty; expected { \"base\": \"scenario.json\", \"axes\": [ … ] }");
        byte[] bytes = utf8Json.ToArray();
        var lines = new LineIndex(bytes);
        if (PositionMap.Build(bytes, lines, 16, out var syntaxError) is not { } positions) return new(null, [syntaxError!]);
        using var document = JsonDocument.Parse(bytes);
        var c = new ReadContext(positions);
        var definition = ReadRoot(c, positions, document.RootElement, folder);
        return new SweepLoadResult(c.HasErrors ? null : definition, c.ToImmutable());
    }

    private static SweepDefinition? ReadRoot(ReadContext c, PositionMap positions, JsonElement root, string folder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            c.Error("", "a sweep is a JSON object: { \"base\": \"scenario.json\", \"axes\": [ … ] }");
            return null;
        }
        var set = PropertySet.Open(c, root, "", RootProperties);
        string? basePath = null;
        if (set.Required("base") is { } b)
        {
            if (b.ValueKind == JsonValueKind.String && b.GetString() is { Length: > 0 } text && text.Contains('\0'))
                c.Error("base", "a file path cannot contain a NUL character (\\u0000)");
            else if (b.ValueKind == JsonValueKind.String && b.GetString() is { Length: > 0 } path)
                basePath = Path.GetFullPath(Path.Combine(folder, path));
            else
                c.Error("base", "must be the path of the base scenario file (relative to the sweep file), e.g. \"scenario.json\"");
        }
        if (set.Optional("description") is { ValueKind: not JsonValueKind.String })
            c.Error("description", "must be a string");
        if (set.Required("axes") is not { } axesElement) return null;
        var axes = ReadAxes(c, positions, axesElement);
        if (basePath is null || axes is null) return null;
        var definition = new SweepDefinition(basePath, axes.Value);
        if (definition.PointCount > MaxPoints)
        {
            string sizes = string.Join(" × ", axes.Value.Select(a => a.Values.Length));
            c.Error("axes", $"the sweep has {sizes} = {definition.PointCount:N0} points; at most {MaxPoints:N0} are allowed");
            return null;
        }
        return definition;
    }

    private static ImmutableArray<SweepAxis>? ReadAxes(ReadContext c, PositionMap positions, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0 || e.GetArrayLength() > MaxAxes)
        {
            c.Error("axes", $"must be an array of 1 to {MaxAxes} axes, each {{ \"path\": \"…\", \"values\": [ … ] }}");
            return null;
        }
        var axes = new List<SweepAxis?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var item in e.EnumerateArray())
        {
            string path = JsonPath.Index("axes", index++);
            var axis = ReadAxis(c, positions, item, path);
            if (axis is not null && !seen.Add(axis.Path))
            {
                c.Error(JsonPath.Property(path, "path"), $"'{axis.Path}' is swept by an earlier axis already; each path may be swept once");
                axis = null;
            }
            axes.Add(axis);
        }
        return axes.Contains(null) ? null : [.. axes.Select(a => a!)];
    }

    private static SweepAxis? ReadAxis(ReadContext c, PositionMap positions, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            c.Error(path, "an axis is an object: { \"path\": \"indications[1].testing.uptake.value\", \"values\": [0.3, 0.5] }");
            return null;
        }
        var set = PropertySet.Open(c, e, path, AxisProperties);
        string? target = null;
        string pathOfPath = set.PathOf("path");
        if (set.Required("path") is { } p)
        {
            string? syntax = "must be the JSON path of a number in the scenario, e.g. \"indications[1].testing.uptake.value\"";
            if (p.ValueKind == JsonValueKind.String && ScenarioPath.IsPath(p.GetString() ?? "", out syntax))
                target = p.GetString();
            else
                c.Error(pathOfPath, syntax!);
        }
        var values = set.Required("values") is { } v ? ReadValues(c, v, set.PathOf("values")) : null;
        if (target is null || values is null) return null;
        var at = positions.ValueAt(pathOfPath);
        return new SweepAxis(target, values.Value, at?.Line, at?.Column);
    }

    private static ImmutableArray<double>? ReadValues(ReadContext c, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
        {
            c.Error(path, "must be a non-empty array of numbers, e.g. [0.3, 0.5, 0.7]");
            return null;
        }
        var values = new List<double>();
        bool ok = true;
        int index = 0;
        foreach (var item in e.EnumerateArray())
        {
            string itemPath = JsonPath.Index(path, index++);
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out double value) || !double.IsFinite(value))
            {
                c.Error(itemPath, $"must be a finite number; got {item.GetRawText()}");
                ok = false;
            }
            else if (values.Contains(value))
            {
                c.Error(itemPath, $"{InvariantFormat.Number(value)} appears twice in this axis");
                ok = false;
            }
            else
            {
                values.Add(value);
            }
        }
        return ok ? [.. values] : null;
    }

    private static SweepLoadResult Failure(string message) => new(null, [new Diagnostic(Severity.Error, "", message)]);
}
