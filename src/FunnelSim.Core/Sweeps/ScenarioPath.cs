using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Sweeps;

/// <summary>
/// JSON paths as validation messages write them (<c>indications[1].testing.modalities[0].share</c>), applied to a
/// scenario document: find the number a path names, and replace it.
/// </summary>
public static class ScenarioPath
{
    /// <summary>One step of a path: a property name, or an array index when <see cref="Name"/> is null.</summary>
    internal readonly record struct Step(string? Name, int Index);

    /// <summary>The steps of <paramref name="path"/>, or null and why it is not a path.</summary>
    internal static ImmutableArray<Step>? Parse(string path, out string? error)
    {
        error = null;
        var steps = ImmutableArray.CreateBuilder<Step>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                    return Fail($"'{path}' is not a JSON path: '[' must be followed by an index and ']', as in modalities[0]", out error);
                steps.Add(new Step(null, index));
                i = close + 1;
                if (i < path.Length && path[i] == '.') i++;
                continue;
            }
            int end = path.IndexOfAny(['.', '['], i);
            if (end < 0) end = path.Length;
            if (end == i) return Fail($"'{path}' is not a JSON path: an empty name at character {i + 1}", out error);
            steps.Add(new Step(path[i..end], 0));
            i = end < path.Length && path[end] == '.' ? end + 1 : end;
            if (end < path.Length && path[end] == '.' && i == path.Length)
                return Fail($"'{path}' is not a JSON path: it ends with '.'", out error);
        }
        if (steps.Count == 0) return Fail("the path is empty; name a number in the scenario, e.g. \"indications[0].prevalence.value\"", out error);
        return steps.ToImmutable();
    }

    /// <summary>
    /// Replaces the number at <paramref name="path"/> in <paramref name="root"/> with <paramref name="value"/>;
    /// returns null, or why not (the path does not exist, or names something other than a number).
    /// </summary>
    public static string? SetNumber(JsonNode root, string path, double value)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Locate(root, path, out var parent, out var last) is { } error) return error;
        if (last.Name is { } name) parent.AsObject()[name] = JsonValue.Create(value);
        else parent.AsArray()[last.Index] = JsonValue.Create(value);
        return null;
    }

    /// <summary>The number at <paramref name="path"/>, or null and why there is none.</summary>
    public static double? GetNumber(JsonNode root, string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        error = Locate(root, path, out var parent, out var last);
        if (error is not null) return null;
        var node = last.Name is { } name ? parent.AsObject()[name] : parent.AsArray()[last.Index];
        return node!.GetValue<double>();
    }

    private static string? Locate(JsonNode root, string path, out JsonNode parent, out Step last)
    {
        parent = root;
        last = default;
        if (Parse(path, out string? syntax) is not { } steps) return syntax;
        JsonNode? node = root;
        string walked = "";
        foreach (var step in steps)
        {
            parent = node!;
            last = step;
            if (step.Name is { } name)
            {
                if (node is not JsonObject obj)
                    return $"'{path}' does not exist: {Where(walked)} is {Kind(node)}, not an object with '{name}'";
                if (!obj.TryGetPropertyValue(name, out node))
                {
                    string hint = NameSuggestions.Closest(name, obj.Select(p => p.Key)) is { } close ? $"; did you mean '{close}'?" : "";
                    return $"'{path}' does not exist: {Where(walked)} has no property '{name}'{hint}";
                }
                walked = JsonPath.Property(walked, name);
            }
            else
            {
                if (node is not JsonArray array)
                    return $"'{path}' does not exist: {Where(walked)} is {Kind(node)}, not an array";
                if (step.Index >= array.Count)
                    return $"'{path}' does not exist: {Where(walked)} has {array.Count} element{(array.Count == 1 ? "" : "s")} " +
                           $"(indexes 0 to {array.Count - 1})";
                node = array[step.Index];
                walked = JsonPath.Index(walked, step.Index);
            }
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return null;
        if (node is JsonObject o && o.ContainsKey("value"))
            return $"'{path}' is a parameter object; to sweep its mean, use '{path}.value'";
        return $"'{path}' is {Kind(node)}; only numbers can be swept";
    }

    private static string Where(string walked) => walked.Length == 0 ? "the scenario" : walked;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static ImmutableArray<Step>? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
