using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// The validator's paths (<c>indications[1].testing.modalities[0].sensitivity.value</c>) applied to a mutable JSON
/// document, so a diagnostic's path names exactly the node the editor changed.
/// </summary>
internal static class JsonNodePath
{
    /// <summary>The segments of <paramref name="path"/>: property names as strings, array indexes as ints.</summary>
    public static IReadOnlyList<object> Parse(string path)
    {
        var segments = new List<object>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.') { i++; continue; }
            if (path[i] == '[')
            {
                int close = path.IndexOf(']', i);
                segments.Add(int.Parse(path.AsSpan(i + 1, close - i - 1), System.Globalization.CultureInfo.InvariantCulture));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < path.Length && path[end] is not '.' and not '[') end++;
            segments.Add(path[i..end]);
            i = end;
        }
        return segments;
    }

    public static string Child(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>The node at <paramref name="path"/>, or null when any segment is missing.</summary>
    public static JsonNode? Find(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (object segment in Parse(path))
        {
            node = (segment, node) switch
            {
                (string name, JsonObject o) => o[name],
                (int index, JsonArray a) when index >= 0 && index < a.Count => a[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>Sets (or, with null, removes) the node at <paramref name="path"/>, creating missing objects on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = Parse(path);
        JsonNode parent = root;
        for (int s = 0; s < segments.Count - 1; s++)
        {
            JsonNode? next = segments[s] switch
            {
                string name when parent is JsonObject o => o[name] ??= value is null ? null : new JsonObject(),
                int index when parent is JsonArray a && index < a.Count => a[index],
                _ => null,
            };
            if (next is null) return;
            parent = next;
        }
        switch (segments[^1], parent)
        {
            case (string name, JsonObject o) when value is null:
                o.Remove(name);
                break;
            case (string name, JsonObject o):
                o[name] = value;
                break;
            case (int index, JsonArray a) when index < a.Count && value is not null:
                a[index] = value;
                break;
        }
    }
}
