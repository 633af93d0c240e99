using System.Text.Json;

namespace FunnelSim.Json;

// Typed access to JSON values: each reports a wrong type, a non-finite number or a value out of range, and
// returns null so that the caller can go on and find the next problem.
public static partial class ScenarioReader
{
    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool Expect(ReadContext c, JsonElement e, string path, JsonValueKind kind, string expected)
    {
        if (e.ValueKind == kind) return true;
        c.Error(path, $"must be {expected}; got {Describe(e.ValueKind)}");
        return false;
    }

    private static PropertySet? OpenObject(ReadContext c, JsonElement e, string path, IReadOnlyCollection<string>? allowed) =>
        Expect(c, e, path, JsonValueKind.Object, "an object") ? PropertySet.Open(c, e, path, allowed) : null;

    private static double? ReadNumber(ReadContext c, JsonElement e, string path, NumberRange? range = null)
    {
        if (!Expect(c, e, path, JsonValueKind.Number, "a number")) return null;
        // A literal such as 1e400 parses to infinity rather than failing: refuse it here.
        if (!e.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            c.Error(path, $"must be a finite number; {e.GetRawText()} is beyond the range of a double");
            return null;
        }
        if (range is not null && !range.Contains(value))
        {
            c.Error(path, range.Violation(value));
            return null;
        }
        return value;
    }

    private static long? ReadInteger(ReadContext c, JsonElement e, string path, NumberRange range)
    {
        if (ReadNumber(c, e, path) is not { } value) return null;
        if (Math.Floor(value) != value)
        {
            c.Error(path, $"must be a whole number; got {e.GetRawText()}");
            return null;
        }
        if (!range.Contains(value))
        {
            c.Error(path, range.Violation(value));
            return null;
        }
        return (long)value;
    }

    private static string? ReadString(ReadContext c, JsonElement e, string path) =>
        Expect(c, e, path, JsonValueKind.String, "a string") ? e.GetString() : null;

    /// <summary>One of <paramref name="allowed"/>, with "did you mean" for a near miss.</summary>
    private static string? ReadKeyword(ReadContext c, JsonElement e, string path, IReadOnlyCollection<string> allowed)
    {
        if (ReadString(c, e, path) is not { } text) return null;
        if (allowed.Contains(text)) return text;
        string choices = string.Join(", ", allowed.Select(a => $"'{a}'"));
        string hint = NameSuggestions.Closest(text, allowed) is { } close ? $"; did you mean '{close}'?" : "";
        c.Error(path, $"must be one of {choices}; got '{text}'{hint}");
        return null;
    }

    private static double? RequiredNumber(ReadContext c, PropertySet set, string name, NumberRange? range = null) =>
        set.Required(name) is { } e ? ReadNumber(c, e, set.PathOf(name), range) : null;

    private static double? OptionalNumber(ReadContext c, PropertySet set, string name, NumberRange? range = null) =>
        set.Optional(name) is { } e ? ReadNumber(c, e, set.PathOf(name), range) : null;

    private static long? RequiredInteger(ReadContext c, PropertySet set, string name, NumberRange range) =>
        set.Required(name) is { } e ? ReadInteger(c, e, set.PathOf(name), range) : null;

    private static string? OptionalString(ReadContext c, PropertySet set, string name, int maxLength = int.MaxValue)
    {
        if (set.Optional(name) is not { } e || ReadString(c, e, set.PathOf(name)) is not { } text) return null;
        if (text.Length <= maxLength) return text;
        c.Error(set.PathOf(name), $"must be at most {maxLength} characters; got {text.Length}");
        return null;
    }

    /// <summary>The elements of an array with <paramref name="min"/>–<paramref name="max"/> <paramref name="items"/>.</summary>
    private static List<(JsonElement Element, string Path)>? ReadArray(
        ReadContext c, JsonElement e, string path, int min, int max, string items)
    {
        if (!Expect(c, e, path, JsonValueKind.Array, "an array")) return null;
        int count = e.GetArrayLength();
        if (count < min || count > max)
        {
            c.Error(path, $"must have between {min} and {max} {items}; got {count}");
            return null;
        }
        return [.. e.EnumerateArray().Select((item, i) => (item, JsonPath.Index(path, i)))];
    }
}
