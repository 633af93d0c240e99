using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunnelSim.Ui.Editing;

/// <summary>
/// The fields of one parameter in whichever form it is written (a number, a value with a 95% range, or an explicit
/// distribution), its ramp and its source; and the rewrites when the user picks another form or ramp shape.
/// </summary>
internal static class ParameterFields
{
    private static readonly HashSet<string> ProbabilityNames = new(StringComparer.Ordinal)
    {
        "probability", "prevalence", "uptake", "sensitivity", "specificity",
    };

    public static string RampPath(string path) => $"{path}.ramp";

    public static bool IsProbability(string path) =>
        JsonNodePath.Parse(path) is { Count: > 0 } segments && segments[^1] is string last && ProbabilityNames.Contains(last);

    public static IReadOnlyList<EditorField> For(ScenarioDocument document, string path, string prefix = "")
    {
        JsonNode? node = document.Find(path);
        string shape = ShapeOf(node);
        var fields = new List<EditorField>
        {
            new("shape", prefix + "Form", path, FieldKind.Choice, Choices: ParameterShape.All),
        };
        if (shape == ParameterShape.Number)
        {
            fields.Add(new("value", prefix + "Value", path, FieldKind.Number));
        }
        else if (shape == ParameterShape.Range)
        {
            fields.Add(new("value", prefix + "Value", $"{path}.value", FieldKind.Number));
            fields.Add(new("low", prefix + "Low (2.5%)", $"{path}.low", FieldKind.Number, Optional: true));
            fields.Add(new("high", prefix + "High (97.5%)", $"{path}.high", FieldKind.Number, Optional: true));
        }
        else if (ParameterShape.Families.TryGetValue(shape, out string[]? names))
        {
            foreach (string name in names) fields.Add(new(name, prefix + Capitalize(name), $"{path}.{name}", FieldKind.Number));
        }
        if (IsProbability(path))
        {
            string ramp = RampPath(path);
            fields.Add(new("ramp", prefix + "Ramp", $"{ramp}.shape", FieldKind.Choice, Choices: ParameterShape.RampShapes));
            if (document.Find(ramp) is JsonObject rampObject)
            {
                string to = rampObject["to"] is JsonObject ? $"{ramp}.to.value" : $"{ramp}.to";
                fields.Add(new("ramp.to", prefix + "Ramp to", to, FieldKind.Number));
                fields.Add(new("ramp.years", prefix + "Ramp years", $"{ramp}.years", FieldKind.Number));
            }
        }
        if (node is JsonObject) fields.Add(new("source", prefix + "Source", $"{path}.source", FieldKind.Text, Optional: true));
        return fields;
    }

    public static string ShapeOf(JsonNode? node) => node switch
    {
        JsonObject o when o["distribution"] is JsonValue d && d.TryGetValue(out string? family) => family,
        JsonObject => ParameterShape.Range,
        _ => ParameterShape.Number,
    };

    public static void ChangeShape(ScenarioDocument document, string path, string shape)
    {
        JsonNode? old = document.Find(path);
        double mean = MeanOf(old);
        bool probability = IsProbability(path);
        JsonNode replacement;
        if (shape == ParameterShape.Number)
        {
            replacement = JsonValue.Create(mean);
        }
        else
        {
            var o = new JsonObject();
            if (shape == ParameterShape.Range)
            {
                o["value"] = mean;
                if (old is JsonObject prior && prior["low"] is { } low && prior["high"] is { } high)
                {
                    o["low"] = low.DeepClone();
                    o["high"] = high.DeepClone();
                }
            }
            else
            {
                o["distribution"] = shape;
                foreach (var (name, value) in Defaults(shape, mean, probability)) o[name] = value;
            }
            if (old is JsonObject previous)
            {
                if (previous["ramp"] is { } ramp) o["ramp"] = ramp.DeepClone();
                if (previous["source"] is { } source) o["source"] = source.DeepClone();
            }
            replacement = o;
        }
        document.Set(path, replacement, structural: true);
    }

    public static void ChangeRamp(ScenarioDocument document, string path, string rampShape)
    {
        JsonNode? old = document.Find(path);
        JsonObject o = old as JsonObject ?? new JsonObject { ["value"] = MeanOf(old) };
        o = (JsonObject)o.DeepClone();
        if (rampShape == "none")
        {
            o.Remove("ramp");
        }
        else if (o["ramp"] is JsonObject ramp)
        {
            ramp["shape"] = rampShape;
        }
        else
        {
            double mean = MeanOf(old);
            o["ramp"] = new JsonObject { ["to"] = Math.Min(1, Math.Round(mean + 0.2, 4)), ["years"] = 3, ["shape"] = rampShape };
        }
        document.Set(path, o, structural: true);
    }

    /// <summary>The written centre of a parameter, to carry over when its form changes.</summary>
    private static double MeanOf(JsonNode? node)
    {
        double Get(string name) => node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? NumberText.Of(v)
            : double.NaN;
        double value = node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => NumberText.Of(v),
            JsonObject => FirstFinite(Get("value"), Get("mean"), Get("mode"),
                Get("alpha") / (Get("alpha") + Get("beta")), Get("shape") * Get("scale"), (Get("min") + Get("max")) / 2),
            _ => double.NaN,
        };
        return double.IsFinite(value) ? value : 0;
    }

    private static double FirstFinite(params double[] values) => values.FirstOrDefault(double.IsFinite, double.NaN);

    private static IEnumerable<(string, JsonNode)> Defaults(string family, double mean, bool probability)
    {
        double spread = Math.Abs(mean) * 0.2;
        double min = Math.Max(probability ? 0 : double.MinValue, mean - spread);
        double max = probability ? Math.Min(1, mean + spread) : mean + spread;
        if (max <= min) max = min + (probability ? Math.Min(0.1, 1 - min) : 1);
        double m = Math.Clamp(mean, 1e-6, 1 - 1e-6);
        return family switch
        {
            "beta" => [("alpha", Round(m * 50)), ("beta", Round((1 - m) * 50))],
            "lognormal" => [("mean", Round(Math.Max(mean, 1e-6))), ("sd", Round(Math.Max(spread / 2, 1e-6)))],
            "gamma" => [("shape", 25.0), ("scale", Round(Math.Max(mean, 1e-6) / 25))],
            "normal" => [("mean", Round(mean)), ("sd", Round(Math.Max(spread / 2, 0.001)))],
            "uniform" => [("min", Round(min)), ("max", Round(max))],
            "triangular" or "pert" => [("min", Round(min)), ("mode", Round(Math.Clamp(mean, min, max))), ("max", Round(max))],
            _ => [("value", Round(mean))],
        };
    }

    private static JsonNode Round(double value) => JsonValue.Create(Math.Round(value, 6));

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
