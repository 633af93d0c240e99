using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelSim.Json;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// The fields of the selected outline node and how typing into them changes the scenario. Numbers are written as
/// JSON numbers, text as strings; an entry that is not a number is never written to the JSON, but the document records
/// it as an error at its path (<see cref="ScenarioDocument.SetUnreadable"/>), so it blocks runs and saving asks first.
/// </summary>
public sealed partial class FieldEditor(ScenarioDocument document, OutlineNode node)
{
    /// <summary>The node being edited.</summary>
    public OutlineNode Node => node;

    /// <summary>The fields, in display order. Changes when a shape, ramp or duration family changes.</summary>
    public IReadOnlyList<EditorField> Fields() => node.Kind switch
    {
        OutlineKind.Settings => SettingsFields(),
        OutlineKind.CorrelationList => [],
        OutlineKind.Correlation => CorrelationFields(),
        OutlineKind.Population => PopulationFields(),
        OutlineKind.Indication or OutlineKind.Step or OutlineKind.Modality => ItemFields(),
        OutlineKind.Parameter => OptionalValue(ParameterFields.For(document, node.Path)),
        OutlineKind.Treatment =>
        [
            new("distribution", "Duration family", $"{node.Path}.durationMonths.distribution", FieldKind.Choice,
                Choices: ["exponential", "weibull", "lognormal"]),
            new("doseIntervalDays", "Dose interval (days)", $"{node.Path}.doseIntervalDays", FieldKind.Number, Optional: true),
        ],
        _ => BudgetFields(),
    };

    /// <summary>The text a field shows now.</summary>
    public string GetText(EditorField field)
    {
        if (document.UnreadableText(field.Path) is { } unreadable) return unreadable;
        if (BudgetText(field) is { } budget) return budget;
        if (ParameterOf(field) is { } parameter)
            return field.Key == "shape"
                ? ParameterFields.ShapeOf(document.Find(parameter))
                : document.Text(field.Path) ?? (document.Find(ParameterFields.RampPath(parameter)) is null ? "none" : "linear");
        if (field.Key == "population" ) return document.Text(field.Path) ?? "national";
        if (field.Values is { } values && field.Choices is { } shown && document.Text(field.Path) is { } written)
            return values.ToList().IndexOf(written) is var at and >= 0 ? shown[at] : written;
        return document.Find(field.Path) switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => NumberText.Format(NumberText.Of(v)),
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonValue v => v.ToJsonString(),
            null => field.Default ?? "",
            var other => other.ToJsonString(),
        };
    }

    /// <summary>
    /// Applies typed text. Returns null when written, or a message when the text cannot be written (not a number).
    /// Returns true in <paramref name="reshaped"/> when the set of fields changed.
    /// </summary>
    public string? SetText(EditorField field, string text, out bool reshaped)
    {
        reshaped = false;
        Dropped = [];
        if (GetText(field) == text) return null;
        if (TrySetBudget(field, text, out reshaped, out string? problem)) return problem;
        if (ParameterOf(field) is { } parameter)
        {
            reshaped = true;
            Reshape(parameter, () =>
            {
                if (field.Key == "shape") ParameterFields.ChangeShape(document, parameter, text);
                else ParameterFields.ChangeRamp(document, parameter, text);
            });
            return null;
        }
        if (field.Key == "population")
        {
            reshaped = true;
            Reshape("population", () => ChangePopulation(text));
            return null;
        }
        if (field.Key == "distribution" && node.Kind is OutlineKind.Treatment or OutlineKind.Comparator)
        {
            reshaped = true;
            Reshape($"{node.Path}.durationMonths", () => ChangeDuration(text));
            return null;
        }
        if (text.Trim().Length == 0 && field.Optional)
        {
            document.Set(field.Path, null);
            return null;
        }
        switch (field.Kind)
        {
            case FieldKind.Number or FieldKind.Integer:
                if (!NumberText.TryParse(text, out double number))
                {
                    string unreadable = text.Trim().Length == 0 ? "enter a number" : $"'{text.Trim()}' is not a number";
                    document.SetUnreadable(field.Path, text.Trim(), unreadable);
                    return unreadable;
                }
                if (CarryRange(field.Path, number)) return null;
                document.Set(field.Path, field.Kind == FieldKind.Integer && number == Math.Floor(number) && Math.Abs(number) < 9.1e15
                    ? JsonValue.Create((long)number)
                    : JsonValue.Create(number));
                return null;
            case FieldKind.Choice:
                // A choice is one step of its own; one shown differently from what it writes is mapped back.
                string value = field.Values is { } values && field.Choices?.ToList().IndexOf(text) is int at and >= 0 ? values[at] : text;
                document.Set(field.Path, JsonValue.Create(value));
                document.EndTyping();
                return null;
            default:
                // An id names the node in the outline (structural), but typing it is one undo step like any typing.
                bool structural = field.Key is "id";
                document.Set(field.Path, JsonValue.Create(text), structural, typing: true);
                return null;
        }
    }

    /// <summary>
    /// What the last change of form, ramp, scale or family dropped: the written properties (by their first name under
    /// the node, such as <c>low</c> or <c>ramp</c>) the node had before and has no more. Empty after any other edit.
    /// </summary>
    public IReadOnlyList<string> Dropped { get; private set; } = [];

    private void Reshape(string path, Action change)
    {
        var before = Leaves(document.Find(path)?.DeepClone(), "");
        change();
        var now = document.Find(path);
        var after = Leaves(now, "").ToHashSet(StringComparer.Ordinal);
        // A plain number keeps the old value; a ramp or range is named once, not by each of its parts.
        if (now is JsonValue) after.Add("value");
        Dropped = before.Where(p => !after.Contains(p)).Select(p => p.Split('.')[0]).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Leaves(JsonNode? node, string prefix) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Key : $"{prefix}.{p.Key}")),
        null => [],
        _ => prefix.Length == 0 ? [] : [prefix],
    };

    /// <summary>The parameter path behind a form or ramp choice (a step shows its probability's fields too).</summary>
    private static string? ParameterOf(EditorField field) => (field.Key, field.Kind) switch
    {
        ("shape", FieldKind.Choice) => field.Path,
        ("ramp", FieldKind.Choice) when field.Path.EndsWith(".ramp.shape", StringComparison.Ordinal) => field.Path[..^".ramp.shape".Length],
        _ => null,
    };

    private IReadOnlyList<EditorField> ItemFields()
    {
        var fields = new List<EditorField>
        {
            new("id", "Id", $"{node.Path}.id", FieldKind.Text),
            new("name", "Name", $"{node.Path}.name", FieldKind.Text, Optional: true),
        };
        if (node.Kind == OutlineKind.Modality) fields.Add(new("share", "Share of tested", $"{node.Path}.share", FieldKind.Number));
        if (node.Kind == OutlineKind.Step) fields.AddRange(ParameterFields.For(document, $"{node.Path}.probability", "Probability: "));
        return fields;
    }

    private IReadOnlyList<EditorField> PopulationFields()
    {
        var fields = new List<EditorField>
        {
            new("population", "Scale", "population.scale", FieldKind.Choice, Choices: ["national", "plan"]),
        };
        if (document.Text("population.scale") == "plan")
        {
            fields.Add(new("members", "Members", "population.members", FieldKind.Number));
            fields.Add(new("referencePopulation", "Reference population", "population.referencePopulation", FieldKind.Number));
            fields.AddRange(AdjustmentFields());
        }
        return fields;
    }

    private void ChangePopulation(string scale)
    {
        var population = scale == "plan"
            ? new JsonObject { ["scale"] = "plan", ["members"] = 1_000_000, ["referencePopulation"] = 340_000_000, ["riskAdjustment"] = 1 }
            : new JsonObject { ["scale"] = "national" };
        document.Set("population", population, structural: true);
    }

    private void ChangeDuration(string family)
    {
        string path = $"{node.Path}.durationMonths";
        JsonNode? median = document.Find($"{path}.median")?.DeepClone() ?? JsonValue.Create(6.0);
        var duration = new JsonObject { ["distribution"] = family, ["median"] = median };
        if (family == "weibull") duration["shape"] = document.Find($"{path}.shape")?.DeepClone() ?? JsonValue.Create(1.0);
        if (family == "lognormal") duration["sdLog"] = document.Find($"{path}.sdLog")?.DeepClone() ?? JsonValue.Create(0.8);
        document.Set(path, duration, structural: true);
    }

    /// <summary>The value, low and high a run of typing into a shorthand's value started from, and the low and high last written.</summary>
    private (string Path, double Value, double Low, double High, double WrittenLow, double WrittenHigh)? _carry;

    /// <summary>
    /// A new value typed for a shorthand <c>{ value, low, high }</c> moves its range with it, as every override does
    /// (the core's <see cref="RangeCarry"/>, docs/scenario-format.md#parameters). Each keystroke moves the range from where
    /// the typing started, so an intermediate entry ("0" on the way to "0.05") loses nothing. False when the field is not
    /// such a value (or the range cannot follow): the caller writes the number alone.
    /// </summary>
    private bool CarryRange(string path, double number)
    {
        if (!path.EndsWith(".value", StringComparison.Ordinal)) return false;
        string parameter = path[..^".value".Length];
        if (document.Find(parameter) is not JsonObject o || o.ContainsKey("distribution")
            || NumberAt(o, "value") is not { } value || NumberAt(o, "low") is not { } low || NumberAt(o, "high") is not { } high)
            return false;
        if (_carry is not { } carry || carry.Path != path || carry.WrittenLow != low || carry.WrittenHigh != high)
            carry = (path, value, low, high, low, high);
        if (RangeCarry.Move(document.Validation, parameter, carry.Value, carry.Low, carry.High, number, out _) is not { } moved)
        {
            _carry = carry;
            return false;
        }
        // Both writes count as the one typing step at this path; Set also clears an earlier unreadable entry.
        document.Edit(path, root =>
        {
            JsonNodePath.Set(root, $"{parameter}.low", JsonValue.Create(moved.Low));
            JsonNodePath.Set(root, $"{parameter}.high", JsonValue.Create(moved.High));
        }, structural: false);
        document.Set(path, JsonValue.Create(number));
        _carry = carry with { WrittenLow = moved.Low, WrittenHigh = moved.High };
        return true;
    }

    private static double? NumberAt(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? NumberText.Of(v) : null;

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
