namespace FunnelSim.Json;

/// <summary>Builds diagnostic paths such as <c>indications[1].testing.modalities[0].sensitivity.value</c>.</summary>
internal static class JsonPath
{
    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
