using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// Adds, removes and reorders funnel steps and test modalities. Each action returns the path to select afterwards,
/// or null when the selected node is not part of a list.
/// </summary>
public static class ListEditing
{
    /// <summary>True when <paramref name="node"/> is a step or modality, or a list of them.</summary>
    public static bool Applies(OutlineNode node) =>
        node.Kind is OutlineKind.StepList or OutlineKind.Step or OutlineKind.ModalityList or OutlineKind.Modality
            or OutlineKind.CorrelationList or OutlineKind.Correlation;

    /// <summary>Adds a new item after the selected one (or at the end of the selected list).</summary>
    public static string? Add(ScenarioDocument document, OutlineNode node)
    {
        if (!Locate(node, out string list, out int index)) return null;
        int at = index < 0 ? document.Count(list) : index + 1;
        if (node.Kind is OutlineKind.CorrelationList or OutlineKind.Correlation)
        {
            if (FieldEditor.NewCorrelation(document) is not { } pair) return null;
            document.Edit(list, root =>
            {
                if (Array(root, list) is { } existing) existing.Insert(at, pair);
                else root[list] = new JsonArray(pair);
            });
            return JsonNodePath.Item(list, at);
        }
        bool modality = node.Kind is OutlineKind.ModalityList or OutlineKind.Modality;
        string id = FreeId(document, list, modality ? "modality" : "step");
        JsonObject item = modality
            ? new JsonObject { ["id"] = id, ["name"] = "New test method", ["share"] = 0, ["sensitivity"] = 0.9, ["specificity"] = 0.999 }
            : new JsonObject { ["id"] = id, ["name"] = "New step", ["probability"] = 0.9 };
        document.Edit(list, root => Array(root, list)?.Insert(at, item));
        return JsonNodePath.Item(list, at);
    }

    /// <summary>Removes the selected item; returns the path of its list.</summary>
    public static string? Remove(ScenarioDocument document, OutlineNode node)
    {
        if (!Locate(node, out string list, out int index) || index < 0) return null;
        document.Edit(list, root =>
        {
            Array(root, list)?.RemoveAt(index);
            // The last correlation removed: no empty array left behind (the format's default is none).
            if (list == "correlations" && Array(root, list) is { Count: 0 }) root.Remove(list);
        });
        int count = document.Count(list);
        return count == 0 ? list : JsonNodePath.Item(list, Math.Min(index, count - 1));
    }

    /// <summary>Moves the selected item one place towards the start (<paramref name="offset"/> −1) or end (+1).</summary>
    public static string? Move(ScenarioDocument document, OutlineNode node, int offset)
    {
        if (!Locate(node, out string list, out int index) || index < 0) return null;
        int target = index + offset;
        if (target < 0 || target >= document.Count(list)) return node.Path;
        document.Edit(list, root =>
        {
            var array = Array(root, list)!;
            JsonNode? item = array[index];
            array.RemoveAt(index);
            array.Insert(target, item);
        });
        return JsonNodePath.Item(list, target);
    }

    private static bool Locate(OutlineNode node, out string list, out int index)
    {
        list = node.Path;
        index = -1;
        if (node.Kind is OutlineKind.StepList or OutlineKind.ModalityList or OutlineKind.CorrelationList) return true;
        if (node.Kind is not (OutlineKind.Step or OutlineKind.Modality or OutlineKind.Correlation)) return false;
        int open = node.Path.LastIndexOf('[');
        list = node.Path[..open];
        index = int.Parse(node.Path.AsSpan(open + 1, node.Path.Length - open - 2), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static JsonArray? Array(JsonObject root, string path) => JsonNodePath.Find(root, path) as JsonArray;

    private static string FreeId(ScenarioDocument document, string list, string stem)
    {
        // Step ids are unique across both step lists of an indication; checking the whole indication is simplest.
        string indication = list[..list.IndexOf(']')] + "]";
        string json = document.Find(indication)?.ToJsonString() ?? "";
        for (int n = 1; ; n++)
        {
            string id = $"{stem}-{n}";
            if (!json.Contains($"\"{id}\"", StringComparison.Ordinal)) return id;
        }
    }
}
