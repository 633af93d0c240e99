using System.Text.Json;

namespace FunnelSim.Json;

/// <summary>
/// The properties of one JSON object, checked against the names allowed there: unknown and duplicated names
/// are reported when the set is opened; a missing required name when it is asked for.
/// </summary>
internal sealed class PropertySet
{
    private readonly ReadContext context;
    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);

    private PropertySet(ReadContext context, string path)
    {
        this.context = context;
        Path = path;
    }

    /// <summary>Path of the object.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the object at <paramref name="path"/>. With <paramref name="allowed"/> null, unknown names are not
    /// judged (the caller could not tell which names apply, and has reported why).
    /// </summary>
    public static PropertySet Open(ReadContext context, JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        var set = new PropertySet(context, path);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name = property.Name;
            string child = JsonPath.Property(path, name);
            int seen = occurrences.GetValueOrDefault(name);
            occurrences[name] = seen + 1;
            if (seen > 0)
                context.ErrorAtName(child, seen, $"duplicate property '{name}'; each property may appear only once");
            else if (allowed is not null && !allowed.Contains(name))
                context.ErrorAtName(child, 0, NameSuggestions.Unknown("property", name, allowed));
            else
                set.properties[name] = property.Value;
        }
        return set;
    }

    /// <summary>The path of property <paramref name="name"/> of this object.</summary>
    public string PathOf(string name) => JsonPath.Property(Path, name);

    /// <summary>True when the object has <paramref name="name"/>.</summary>
    public bool Has(string name) => properties.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public JsonElement? Optional(string name) => properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value of <paramref name="name"/>; when absent, reports it missing (at this object) and returns null.</summary>
    public JsonElement? Required(string name)
    {
        if (properties.TryGetValue(name, out var value)) return value;
        context.ErrorAt(PathOf(name), Path, $"missing required property '{name}'");
        return null;
    }
}
