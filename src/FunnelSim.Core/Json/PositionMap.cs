using System.Text.Json;

namespace FunnelSim.Json;

/// <summary>
/// Where each JSON value (and each property name) sits in the file, by diagnostic path. Built by a pass with
/// <see cref="Utf8JsonReader"/> because <see cref="JsonElement"/> does not expose its position.
/// </summary>
internal sealed class PositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Line, int Column)>> names = new(StringComparer.Ordinal);

    /// <summary>Position of the value at <paramref name="path"/> (its first occurrence when a property is duplicated).</summary>
    public (int Line, int Column)? ValueAt(string path) => values.TryGetValue(path, out var p) ? p : null;

    /// <summary>Position of the <paramref name="occurrence"/>-th property name that leads to <paramref name="path"/>.</summary>
    public (int Line, int Column)? NameAt(string path, int occurrence = 0) =>
        names.TryGetValue(path, out var list) && occurrence < list.Count ? list[occurrence] : ValueAt(path);

    /// <summary>
    /// Maps every value of <paramref name="json"/>; on a syntax error or nesting deeper than
    /// <paramref name="maxDepth"/> returns null and the error. Throws <see cref="OperationCanceledException"/> when
    /// cancelled (checked every few thousand tokens: a 16 MiB file has millions).
    /// </summary>
    public static PositionMap? Build(byte[] json, LineIndex lines, int maxDepth, out Diagnostic? error,
        CancellationToken cancellationToken = default)
    {
        var map = new PositionMap();
        var containers = new Stack<Container>();
        string property = "";
        error = null;
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // One more than allowed, so that the depth check below sees the offending container.
            MaxDepth = maxDepth + 1,
        };
        var reader = new Utf8JsonReader(json, options);
        int tokens = 0;
        try
        {
            while (reader.Read())
            {
                if ((++tokens & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                var at = lines.At(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryGetString(ref reader, out property))
                        {
                            error = LoneSurrogate(at);
                            return null;
                        }
                        string namePath = JsonPath.Property(containers.Peek().Path, property);
                        if (!map.names.TryGetValue(namePath, out var list)) map.names[namePath] = list = [];
                        list.Add(at);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            error = new Diagnostic(Severity.Error, "",
                                $"nesting deeper than {maxDepth} levels is not allowed", at.Line, at.Column);
                            return null;
                        }
                        string path = NextPath(containers, property);
                        map.values.TryAdd(path, at);
                        containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.String when !TryGetString(ref reader, out _):
                        error = LoneSurrogate(at);
                        return null;
                    default:
                        map.values.TryAdd(NextPath(containers, property), at);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var (line, column) = lines.At(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            error = new Diagnostic(Severity.Error, "", SyntaxMessages.Clean(e.Message), line, column);
            return null;
        }
        return map;
    }

    // Checked here so that the walker can call GetString() without a try: JsonDocument accepts a lone
    // surrogate escape such as "\uD800" and only fails when the string is read.
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static Diagnostic LoneSurrogate((int Line, int Column) at) =>
        new(Severity.Error, "", "invalid JSON: a \\u escape encodes half of a surrogate pair, which is not text", at.Line, at.Column);

    private static string NextPath(Stack<Container> containers, string property)
    {
        if (containers.Count == 0) return "";
        var top = containers.Peek();
        return top.IsArray ? JsonPath.Index(top.Path, top.Count++) : JsonPath.Property(top.Path, property);
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Count { get; set; }
    }
}
