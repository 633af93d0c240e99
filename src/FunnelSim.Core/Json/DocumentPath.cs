using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>
/// Paths into a scenario document as diagnostics write them (<c>indications[1].testing.modalities[0].share</c>),
/// where an array element may also be selected by its <c>id</c>: <c>indications[pdac].testing.modalities[rna-ngs].share</c>.
/// Digits only in the brackets are an index; anything else is an id. Used by sweeps and overlays alike.
/// </summary>
internal static class DocumentPath
{
    /// <summary>One step: a property <see cref="Name"/>, an array element by <see cref="Id"/>, or else by <see cref="Index"/>.</summary>
    public readonly record struct Step(string? Name, int Index, string? Id = null);

    /// <summary>Where a path leads: the container holding the target, the target's key, and the path with indexes only.</summary>
    public readonly record struct Target(JsonNode Parent, Step Last, JsonNode? Node, bool Exists, string Resolved);

    /// <summary>The steps of <paramref name="path"/>, or null and why it is not a path.</summary>
    public static ImmutableArray<Step>? Parse(string path, out string? error)
    {
        error = null;
        var steps = ImmutableArray.CreateBuilder<Step>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int close = path.IndexOf(']', i);
                if (close < 0 || close == i + 1)
                    return Fail($"'{path}' is not a JSON path: '[' must be followed by an index or an id and ']', as in " +
                                "modalities[0] or modalities[rna-ngs]", out error);
                var inside = path.AsSpan(i + 1, close - i - 1);
                if (IsDigits(inside))
                {
                    if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                        return Fail($"'{path}' is not a JSON path: the index [{inside}] is too large", out error);
                    steps.Add(new Step(null, index));
                }
                else
                {
                    steps.Add(new Step(null, -1, inside.ToString()));
                }
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
        if (steps.Count == 0) return Fail("the path is empty; name a value in the scenario, e.g. \"indications[0].prevalence.value\"", out error);
        return steps.ToImmutable();
    }

    /// <summary>
    /// Walks <paramref name="steps"/> in <paramref name="root"/>. Every step but the last must exist; the last may be a
    /// missing property of an object when <paramref name="allowNewProperty"/> is set (an overlay may add one). Returns
    /// null and why when the path does not exist, with the closest name or id when one is close.
    /// </summary>
    public static Target? Walk(JsonNode root, string path, ImmutableArray<Step> steps, bool allowNewProperty, out string? error)
    {
        error = null;
        JsonNode? node = root;
        JsonNode parent = root;
        string walked = "";
        for (int s = 0; s < steps.Length; s++)
        {
            var step = steps[s];
            bool last = s == steps.Length - 1;
            parent = node!;
            if (step.Name is { } name)
            {
                if (node is not JsonObject obj)
                    return Missing($"'{path}' does not exist: {Where(walked)} is {Kind(node)}, not an object with '{name}'", out error);
                string owner = walked;
                walked = JsonPath.Property(walked, name);
                if (!obj.TryGetPropertyValue(name, out node))
                {
                    if (last && allowNewProperty) return new Target(parent, step, null, false, walked);
                    string hint = NameSuggestions.Closest(name, obj.Select(p => p.Key)) is { } close ? $"; did you mean '{close}'?" : "";
                    return Missing($"'{path}' does not exist: {Where(owner)} has no property '{name}'{hint}", out error);
                }
            }
            else
            {
                if (node is not JsonArray array)
                    return Missing($"'{path}' does not exist: {Where(walked)} is {Kind(node)}, not an array", out error);
                int index = step.Index;
                if (step.Id is { } id)
                {
                    index = IndexOfId(array, id);
                    if (index < 0)
                    {
                        var ids = array.Select(e => IdOf(e)).OfType<string>().ToList();
                        string known = ids.Count == 0 ? "its elements have no ids" : $"its ids are {string.Join(", ", ids)}";
                        string hint = NameSuggestions.Closest(id, ids) is { } close ? $"; did you mean '{close}'?" : "";
                        return Missing($"'{path}' does not exist: {Where(walked)} has no element with id '{id}' ({known}){hint}", out error);
                    }
                }
                else if (index >= array.Count)
                {
                    return Missing($"'{path}' does not exist: {Where(walked)} has {array.Count} element{(array.Count == 1 ? "" : "s")} " +
                                   $"(indexes 0 to {array.Count - 1})", out error);
                }
                node = array[index];
                walked = JsonPath.Index(walked, index);
                step = new Step(null, index);
            }
            if (last) return new Target(parent, step, node, true, walked);
        }
        throw new InvalidOperationException("a parsed path has at least one step");
    }

    /// <summary>Replaces (or adds) the value at <paramref name="target"/>.</summary>
    public static void Set(Target target, JsonNode? value)
    {
        if (target.Last.Name is { } name) target.Parent.AsObject()[name] = value;
        else target.Parent.AsArray()[target.Last.Index] = value;
    }

    /// <summary>"an object", "a string", … for messages.</summary>
    public static string Kind(JsonNode? node) => node switch
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

    private static int IndexOfId(JsonArray array, string id)
    {
        for (int k = 0; k < array.Count; k++)
            if (IdOf(array[k]) == id) return k;
        return -1;
    }

    private static string? IdOf(JsonNode? element) =>
        element is JsonObject o && o["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char ch in text)
            if (ch is < '0' or > '9') return false;
        return true;
    }

    private static string Where(string walked) => walked.Length == 0 ? "the scenario" : walked;

    private static Target? Missing(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static ImmutableArray<Step>? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
