using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>
/// Resolves an overlay chain (overlay → base → … → plain scenario) into one scenario document, applies each layer's
/// <c>set</c> in file order (and rescales modality shares), validates the result, and places every diagnostic at the
/// change that caused it.
/// </summary>
internal sealed partial class OverlayResolver(CancellationToken cancellationToken = default)
{
    private static readonly string[] OverlayProperties = ["$schema", "schemaVersion", "extends", "name", "description", "set"];
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<Applied> applied = [];
    private readonly List<Diagnostic> problems = [];
    private readonly List<Source> chain = [];
    private ScenarioLoadResult? plainLoad;
    private string plainLabel = "";
    private int overlays;

    /// <summary>A file (or the built-in base case) to read: its identity for cycles, its label for messages.</summary>
    internal sealed record Source(string Key, string Label, string Folder, byte[]? Bytes, Diagnostic? ReadError)
    {
        public static Source FromFile(string fullOrRelative, string label, CancellationToken cancellationToken = default)
        {
            string full = Path.GetFullPath(fullOrRelative);
            ScenarioReader.TryReadBytes(full, out byte[]? bytes, out var error, cancellationToken);
            if (error is not null) error = error with { Message = error.Message.Replace($"'{full}'", $"'{label}'", StringComparison.Ordinal) };
            return new Source(full, label, Path.GetDirectoryName(full) ?? ".", bytes, error);
        }

        public static Source BuiltIn() =>
            new(ScenarioSource.BuiltInUsNationalBase, ScenarioSource.BuiltInUsNationalBase, ".", BuiltInScenarios.UsNationalBaseJson, null);
    }

    /// <summary>One change applied: where it landed (indexes only), what it was, and the base it was applied on top of.</summary>
    private sealed record Applied(string Resolved, OverlaySetting Setting, string Base);

    public ScenarioLoadResult Load(Source top, IReadOnlyList<OverlaySetting> settings)
    {
        var root = Resolve(top, extendedBy: null);
        if (root is null) return new ScenarioLoadResult(null, [.. problems]);
        if (overlays == 0 && settings.Count == 0) return plainLoad!;
        if (settings.Count > 0) ApplyLayer(root, settings, top.Label);
        if (problems.Any(p => p.IsError)) return new ScenarioLoadResult(null, [.. problems]);

        string json = root.ToJsonString(Indented);
        var load = ScenarioReader.Read(System.Text.Encoding.UTF8.GetBytes(json), cancellationToken);
        var diagnostics = problems.Concat(load.Diagnostics.Select(Place)).ToImmutableArray();
        var scenario = load.IsValid ? load.Scenario : null;
        return new ScenarioLoadResult(scenario, diagnostics) { ResolvedJson = json, ShorthandKinds = load.ShorthandKinds };
    }

    private JsonNode? Resolve(Source source, string? extendedBy)
    {
        if (source.ReadError is { } readError)
        {
            problems.Add(InBase(readError, source.Label, extendedBy));
            return null;
        }
        byte[] bytes = source.Bytes!;
        if (OverlayDocument(bytes) is not { } overlay)
        {
            var load = ScenarioReader.Read(bytes, cancellationToken);
            if (!load.IsValid)
            {
                problems.AddRange(load.Diagnostics.Select(d => InBase(d, source.Label, extendedBy)));
                return null;
            }
            plainLoad = load;
            plainLabel = source.Label;
            return JsonNode.Parse(bytes);
        }
        overlays++;
        using (overlay)
            return ResolveOverlay(source, bytes, overlay.RootElement, extendedBy);
    }

    private JsonNode? ResolveOverlay(Source source, byte[] bytes, JsonElement root, string? extendedBy)
    {
        var positions = PositionMap.Build(bytes, new LineIndex(bytes), ScenarioReader.MaxDepth, out var syntax, cancellationToken);
        if (positions is null)
        {
            problems.Add(InBase(syntax!, source.Label, extendedBy));
            return null;
        }
        var c = new ReadContext(positions);
        var set = PropertySet.Open(c, root, "", OverlayProperties);
        if (set.Required("schemaVersion") is { } version
            && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out int v) && v == Scenario.CurrentSchemaVersion))
            c.Error("schemaVersion", $"unsupported schemaVersion {version.GetRawText()}; this build reads version {Scenario.CurrentSchemaVersion}");
        string? extends = null;
        if (set.Required("extends") is { } e)
        {
            if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } text) extends = text;
            else c.Error("extends", $"must be the path of the base scenario (relative to this file) or \"{ScenarioSource.BuiltInUsNationalBase}\"");
        }
        foreach (string name in (string[])["name", "description", "$schema"])
            if (set.Optional(name) is { ValueKind: not JsonValueKind.String }) c.Error(name, "must be a string");
        var changes = set.Required("set") is { } s ? ReadSet(c, positions, s, source.Label) : null;
        if (c.HasErrors || extends is null || changes is null)
        {
            problems.AddRange(c.ToImmutable().Select(d => InBase(d, source.Label, extendedBy)));
            return null;
        }

        var baseSource = extends == ScenarioSource.BuiltInUsNationalBase
            ? Source.BuiltIn()
            : Source.FromFile(Path.Combine(source.Folder, extends), Path.Combine(Path.GetDirectoryName(source.Label) ?? "", extends),
                cancellationToken);
        chain.Add(source);
        if (chain.FindIndex(x => x.Key == baseSource.Key) is int start and >= 0)
        {
            string cycle = string.Join(" → ", chain.Skip(start).Select(x => x.Label).Append(baseSource.Label));
            var at = positions.ValueAt("extends");
            problems.Add(InBase(new Diagnostic(Severity.Error, "extends", $"overlays extend each other in a cycle: {cycle}", at?.Line, at?.Column),
                source.Label, extendedBy));
            return null;
        }
        var resolved = Resolve(baseSource, source.Label);
        chain.RemoveAt(chain.Count - 1);
        if (resolved is null) return null;

        var replacements = new List<OverlaySetting>();
        foreach (string name in (string[])["name", "description"])
        {
            if (set.Optional(name) is not { } text) continue;
            var at = positions.ValueAt(name);
            replacements.Add(new OverlaySetting(name, JsonValue.Create(text.GetString()), $"\"{name}\" in {source.Label}", at?.Line, at?.Column));
        }
        ApplyLayer(resolved, [.. replacements, .. changes], baseSource.Label);
        return resolved;
    }

    private static List<OverlaySetting>? ReadSet(ReadContext c, PositionMap positions, JsonElement e, string label)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            c.Error("set", "must be an object of changes: { \"PATH\": VALUE, … }, e.g. { \"indications[pdac].testing.uptake.value\": 0.6 }");
            return null;
        }
        var changes = new List<OverlaySetting>();
        // Opened without allowed names: any path may be a name; duplicates are still reported.
        _ = PropertySet.Open(c, e, "set", allowed: null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (!seen.Add(property.Name)) continue;
            string where = JsonPath.Property("set", property.Name);
            var at = positions.NameAt(where);
            if (DocumentPath.Parse(property.Name, out string? syntax) is null)
            {
                c.ErrorAtName(where, 0, syntax!);
                continue;
            }
            changes.Add(new OverlaySetting(property.Name, JsonNode.Parse(property.Value.GetRawText()),
                $"set \"{property.Name}\" in {label}", at?.Line, at?.Column));
        }
        return changes;
    }

    /// <summary>The document when <paramref name="bytes"/> is a JSON object with <c>extends</c>, else null.</summary>
    private static JsonDocument? OverlayDocument(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = ScenarioReader.MaxDepth });
        }
        catch (JsonException)
        {
            return null; // the scenario reader explains syntax errors with line and column
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("extends", out _)) return document;
        document.Dispose();
        return null;
    }

    private void ApplyLayer(JsonNode root, IReadOnlyList<OverlaySetting> settings, string baseLabel)
    {
        int first = applied.Count;
        IReadOnlyDictionary<string, ParameterKind>? kinds = null;
        foreach (var setting in settings)
        {
            if (DocumentPath.Parse(setting.Path, out string? error) is not { } steps
                || DocumentPath.Walk(root, setting.Path, steps, allowNewProperty: true, out error) is not { } target)
            {
                problems.Add(new Diagnostic(Severity.Error, setting.Path, $"{error} ({setting.Origin}, on top of {baseLabel})", setting.Line, setting.Column));
                continue;
            }
            if (CarriesRange(root, target, setting, settings) is { } parameter)
            {
                // The kinds of the document as it stands: a layer may have added the parameter it now changes.
                kinds ??= ScenarioReader.Read(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()), cancellationToken).ShorthandKinds;
                string parameterPath = target.Resolved[..^".value".Length];
                if (kinds.TryGetValue(parameterPath, out var kind))
                {
                    if (RangeCarry.Apply(parameter, kind, RangeCarry.NumberOf(setting.Value)!.Value) is { } why)
                    {
                        problems.Add(new Diagnostic(Severity.Error, setting.Path, $"{why} ({setting.Origin}, on top of {baseLabel})", setting.Line, setting.Column));
                        continue;
                    }
                    // Problems of the moved ends are placed at the change that moved them.
                    var moved = setting with { Origin = $"{setting.Origin}, which moves low and high with the value" };
                    applied.Add(new Applied(JsonPath.Property(parameterPath, "low"), moved, baseLabel));
                    applied.Add(new Applied(JsonPath.Property(parameterPath, "high"), moved, baseLabel));
                }
            }
            DocumentPath.Set(target, setting.Value?.DeepClone());
            applied.Add(new Applied(target.Resolved, setting, baseLabel));
        }
        RescaleShares(root, applied.Skip(first).ToList());
    }

    /// <summary>
    /// The shorthand whose range follows <paramref name="setting"/>: a number set as its <c>value</c> while no change of
    /// the same layer sets its <c>low</c>, its <c>high</c> or the parameter itself (those are taken as written). Else null.
    /// </summary>
    private static JsonObject? CarriesRange(JsonNode root, DocumentPath.Target target, OverlaySetting setting, IReadOnlyList<OverlaySetting> layer)
    {
        if (target.Last.Name != "value" || !target.Exists || !RangeCarry.HasRange(target.Parent)
            || setting.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
            return null;
        string parameterPath = target.Resolved[..^".value".Length];
        foreach (var other in layer)
        {
            if (ReferenceEquals(other, setting) || DocumentPath.Parse(other.Path, out _) is not { } steps
                || DocumentPath.Walk(root, other.Path, steps, allowNewProperty: true, out _) is not { } where)
                continue;
            if (where.Resolved == JsonPath.Property(parameterPath, "low") || where.Resolved == JsonPath.Property(parameterPath, "high")
                || where.Resolved == parameterPath || Within(parameterPath, where.Resolved))
                return null;
        }
        return (JsonObject)target.Parent;
    }

    /// <summary>A diagnostic of the resolved scenario, placed at the change it is about (the closest one), else at the base.</summary>
    private Diagnostic Place(Diagnostic d)
    {
        // The change at the diagnostic's own path, else the deepest change holding it, else the latest change inside it.
        Applied? best = null;
        int bestRank = 0;
        for (int k = applied.Count - 1; k >= 0; k--)
        {
            var a = applied[k];
            int rank = d.Path.Length == 0 ? 0
                : a.Resolved == d.Path ? 3
                : Within(d.Path, a.Resolved) ? 2
                : Within(a.Resolved, d.Path) ? 1
                : 0;
            if (rank > bestRank || rank == 2 && bestRank == 2 && a.Resolved.Length > best!.Resolved.Length)
            {
                best = a;
                bestRank = rank;
            }
        }
        if (best is null) return d with { Line = null, Column = null, Message = $"{d.Message} (from {plainLabel})" };
        return d with
        {
            Line = best.Setting.Line,
            Column = best.Setting.Column,
            Message = $"{d.Message} ({best.Setting.Origin}, on top of {best.Base})",
        };
    }

    private static bool Within(string path, string ancestor) =>
        path.Length > ancestor.Length && path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[';

    private static Diagnostic InBase(Diagnostic d, string label, string? extendedBy) =>
        extendedBy is null ? d : d with { Message = $"{d.Message} (in {label}, which {extendedBy} extends)" };
}
