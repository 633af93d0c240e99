using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Sweeps;

/// <summary>
/// A sweep ready to run: the base scenario document, the axes (each checked to name a number in it) and every
/// combination of their values. A point's scenario is the base with the point's values set, validated like a file.
/// </summary>
public sealed class SweepPlan
{
    private readonly byte[] _base;
    private readonly (int Indication, int Modality)?[] _shares;
    private readonly (string Parameter, ParameterKind Kind)?[] _carries;

    private SweepPlan(SweepDefinition definition, byte[] baseJson, (int, int)?[] shares, (string, ParameterKind)?[] carries, ImmutableArray<string> notes)
    {
        Definition = definition;
        _base = baseJson;
        _shares = shares;
        _carries = carries;
        Notes = notes;
        var points = ImmutableArray.CreateBuilder<SweepPoint>((int)definition.PointCount);
        var values = new double[definition.Axes.Length];
        for (int index = 0; index < definition.PointCount; index++)
        {
            // Row-major: the last axis varies fastest, as nested loops over the axes in file order would.
            long rest = index;
            for (int a = definition.Axes.Length - 1; a >= 0; a--)
            {
                var axisValues = definition.Axes[a].Values;
                values[a] = axisValues[(int)(rest % axisValues.Length)];
                rest /= axisValues.Length;
            }
            points.Add(new SweepPoint(index, [.. values]));
        }
        Points = points.MoveToImmutable();
    }

    /// <summary>The sweep as read.</summary>
    public SweepDefinition Definition { get; }

    /// <summary>The axes, first varying slowest.</summary>
    public ImmutableArray<SweepAxis> Axes => Definition.Axes;

    /// <summary>Every combination, in run order.</summary>
    public ImmutableArray<SweepPoint> Points { get; }

    /// <summary>What the sweep does besides setting the values (e.g. rescaling the other modalities' shares).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>
    /// Reads and validates the base scenario (a plain scenario or an overlay, with <paramref name="settings"/> applied)
    /// and checks every axis against it. The base must be valid: a sweep starts from a scenario that runs.
    /// </summary>
    public static SweepPlanResult Create(SweepDefinition definition, IReadOnlyList<OverlaySetting>? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        byte[] bytes;
        try
        {
            // Bounded by bytes actually read, like any scenario file: a base of unknown length (/dev/zero) is refused.
            if (BoundedFile.ReadAllBytes(definition.BasePath, ScenarioReader.MaxBytes, cancellationToken) is not { } read)
                return new(null, [], [new Diagnostic(Severity.Error, "base",
                    $"the base scenario '{definition.BasePath}' holds more than 16 MiB ({ScenarioReader.MaxBytes} bytes); scenario files over 16 MiB are refused")]);
            bytes = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            return new(null, [], [new Diagnostic(Severity.Error, "base", $"cannot read the base scenario '{definition.BasePath}': {e.Message}")]);
        }
        var load = ScenarioLoader.ReadFile(definition.BasePath, settings, cancellationToken);
        if (!load.IsValid) return new(null, load.Diagnostics, []);
        // An overlay (or --set) sweeps the scenario it resolves to.
        if (load.ResolvedJson is { } resolved) bytes = System.Text.Encoding.UTF8.GetBytes(resolved);

        var root = JsonNode.Parse(bytes)!;
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var notes = ImmutableArray.CreateBuilder<string>();
        var shares = new (int, int)?[definition.Axes.Length];
        var sharedIndications = new Dictionary<int, int>();
        for (int a = 0; a < definition.Axes.Length; a++)
        {
            var axis = definition.Axes[a];
            string where = $"axes[{a}].path";
            if (ScenarioPath.GetNumber(root, axis.Path, out string? error) is null)
            {
                problems.Add(new Diagnostic(Severity.Error, where, $"axis {a + 1}: {error}", axis.Line, axis.Column));
                continue;
            }
            // An id in brackets (modalities[rna-ngs]) names the same share as its index.
            if (ShareRescaling.ShareOf(ScenarioPath.Resolve(root, axis.Path, out _)!) is not { } share) continue;
            if (sharedIndications.TryGetValue(share.Indication, out int earlier))
            {
                problems.Add(new Diagnostic(Severity.Error, where,
                    $"axis {a + 1} sweeps a share of indications[{share.Indication}] that axis {earlier + 1} already sweeps; " +
                    "sweep one share per indication (the others are rescaled to keep the sum at 1)", axis.Line, axis.Column));
                continue;
            }
            sharedIndications[share.Indication] = a;
            shares[a] = share;
            notes.Add($"axis {a + 1} sweeps {axis.Path}: the other modalities' shares of indications[{share.Indication}] are " +
                      "rescaled in proportion so the shares still sum to 1");
        }
        if (problems.Count > 0) return new(null, load.Diagnostics, problems.ToImmutable());
        return new(new SweepPlan(definition, bytes, shares, Carries(definition, root, load), notes.ToImmutable()), load.Diagnostics, []);
    }

    /// <summary>
    /// Per axis, the kind of the shorthand whose range moves with it (<see cref="RangeCarry"/>): an axis on a shorthand's
    /// <c>value</c> while no axis sets its <c>low</c> or <c>high</c>; else null.
    /// </summary>
    private static (string, ParameterKind)?[] Carries(SweepDefinition definition, JsonNode root, ScenarioLoadResult load)
    {
        var resolved = definition.Axes.Select(axis => ScenarioPath.Resolve(root, axis.Path, out _)!).ToArray();
        var carries = new (string, ParameterKind)?[resolved.Length];
        for (int a = 0; a < resolved.Length; a++)
        {
            if (!resolved[a].EndsWith(".value", StringComparison.Ordinal)) continue;
            string parameter = resolved[a][..^".value".Length];
            if (!load.ShorthandKinds.TryGetValue(parameter, out var kind) || !RangeCarry.HasRange(JsonNodeAt(root, parameter))) continue;
            if (resolved.Any(r => r == parameter + ".low" || r == parameter + ".high")) continue;
            carries[a] = (parameter, kind);
        }
        return carries;
    }

    private static JsonNode? JsonNodeAt(JsonNode root, string path) =>
        DocumentPath.Parse(path, out _) is { } steps && DocumentPath.Walk(root, path, steps, allowNewProperty: false, out _) is { } target
            ? target.Node
            : null;

    /// <summary>The scenario JSON of <paramref name="point"/>: the base with the point's values (and rescaled shares).</summary>
    public string JsonAt(SweepPoint point) => JsonAt(point, out _);

    private string JsonAt(SweepPoint point, out ImmutableArray<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(point);
        var root = JsonNode.Parse(_base)!;
        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        for (int a = 0; a < Axes.Length; a++)
        {
            // A shorthand's range moves with its value (docs/scenario-format.md#parameters).
            if (_carries[a] is { } carry && JsonNodeAt(root, carry.Parameter) is JsonObject parameter
                && RangeCarry.Apply(parameter, carry.Kind, point.Values[a]) is { } why)
                found.Add(new Diagnostic(Severity.Error, JsonPath.Property(carry.Parameter, "value"), $"{why} (axis {a + 1} of the sweep)"));
            // Checked when planned; the document is the same each time, so this cannot fail.
            _ = ScenarioPath.SetNumber(root, Axes[a].Path, point.Values[a]);
            if (_shares[a] is { } share) ShareRescaling.Apply(root, share.Indication, share.Modality);
        }
        problems = found.ToImmutable();
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The validated scenario of <paramref name="point"/>; invalid values are diagnostics, not exceptions.</summary>
    public SweepPointScenario ScenarioAt(SweepPoint point)
    {
        string json = JsonAt(point, out var problems);
        var load = ScenarioLoader.Read(json);
        return new(point, problems.IsEmpty ? load : load with { Scenario = null, Diagnostics = [.. problems, .. load.Diagnostics] });
    }
}
