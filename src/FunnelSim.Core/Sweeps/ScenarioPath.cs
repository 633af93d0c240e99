using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>
/// JSON paths as validation messages write them (<c>indications[1].testing.modalities[0].share</c>), applied to a
/// scenario document: find the number a path names, and replace it. An array element may also be selected by its
/// <c>id</c> (<c>indications[pdac].testing.modalities[rna-ngs].share</c>): digits only is an index, anything else an id.
/// </summary>
public static class ScenarioPath
{
    /// <summary>True when <paramref name="path"/> is syntactically a path; else <paramref name="error"/> says why not.</summary>
    public static bool IsPath(string path, out string? error) => DocumentPath.Parse(path, out error) is not null;

    /// <summary>
    /// Replaces the number at <paramref name="path"/> in <paramref name="root"/> with <paramref name="value"/>;
    /// returns null, or why not (the path does not exist, or names something other than a number).
    /// </summary>
    public static string? SetNumber(JsonNode root, string path, double value)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Locate(root, path, out var target) is { } error) return error;
        DocumentPath.Set(target, JsonValue.Create(value));
        return null;
    }

    /// <summary>The number at <paramref name="path"/>, or null and why there is none.</summary>
    public static double? GetNumber(JsonNode root, string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        error = Locate(root, path, out var target);
        return error is null ? target.Node!.GetValue<double>() : null;
    }

    /// <summary>
    /// <paramref name="path"/> with every id in brackets replaced by its index in <paramref name="root"/>
    /// (<c>indications[pdac].prevalence.value</c> → <c>indications[1].prevalence.value</c>), or null and why it does not exist.
    /// </summary>
    public static string? Resolve(JsonNode root, string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        error = Locate(root, path, out var target);
        return error is null ? target.Resolved : null;
    }

    private static string? Locate(JsonNode root, string path, out DocumentPath.Target target)
    {
        target = default;
        if (DocumentPath.Parse(path, out string? syntax) is not { } steps) return syntax;
        if (DocumentPath.Walk(root, path, steps, allowNewProperty: false, out string? missing) is not { } found) return missing;
        target = found;
        var node = found.Node;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return null;
        if (node is JsonObject o && o.ContainsKey("value"))
            return $"'{path}' is a parameter object; to sweep its value (its range moves with it), use '{path}.value'";
        return $"'{path}' is {DocumentPath.Kind(node)}; only numbers can be swept";
    }
}
