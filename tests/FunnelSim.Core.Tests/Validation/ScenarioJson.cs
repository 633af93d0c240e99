using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>Test scenarios: a valid full scenario and edits of it addressed by diagnostic-style paths.</summary>
internal static partial class ScenarioJson
{
    public const string Full = """
        {
          "schemaVersion": 1,
          "name": "US national base case",
          "startYear": 2026,
          "years": 5,
          "simulation": { "iterations": 20000, "seed": 20261124 },
          "indications": [
            {
              "id": "cca",
              "name": "Cholangiocarcinoma",
              "incidence": { "value": 8000, "low": 7000, "high": 9500, "source": "SEER" },
              "annualGrowth": { "value": 0.01 },
              "preTestSteps": [
                { "id": "advanced", "name": "Unresectable or metastatic", "probability": { "value": 0.7, "low": 0.6, "high": 0.8 } }
              ],
              "prevalence": { "value": 0.005, "low": 0.002, "high": 0.009 },
              "testing": {
                "uptake": { "value": 0.55, "low": 0.45, "high": 0.65, "ramp": { "to": 0.75, "years": 3, "shape": "s-curve" } },
                "modalities": [
                  { "id": "dna-ngs", "share": 0.6, "sensitivity": { "value": 0.7, "low": 0.5, "high": 0.85 }, "specificity": { "value": 0.999 } },
                  { "id": "rna-ngs", "share": 0.4, "sensitivity": { "distribution": "beta", "alpha": 95, "beta": 5 }, "specificity": 0.999 }
                ]
              },
              "postDetectionSteps": [
                { "id": "prescribed", "probability": { "value": 0.3, "ramp": { "to": { "value": 0.7, "low": 0.6, "high": 0.8 }, "years": 3, "shape": "bass" } } },
                { "id": "payer-approved", "probability": { "distribution": "pert", "min": 0.75, "mode": 0.85, "max": 0.95 } }
              ],
              "treatment": {
                "durationMonths": { "distribution": "weibull", "median": { "value": 6.0, "low": 4.0, "high": 9.0 }, "shape": 1.2 }
              }
            },
            {
              "id": "pdac",
              "incidence": { "distribution": "gamma", "shape": 100, "scale": 500 },
              "annualGrowth": { "distribution": "uniform", "min": -0.01, "max": 0.02 },
              "prevalence": 0.002,
              "testing": { "uptake": 0.4, "modalities": [ { "id": "dna-ngs", "share": 1, "sensitivity": 0.8, "specificity": 0.999 } ] },
              "treatment": { "durationMonths": { "distribution": "lognormal", "median": 5, "sdLog": 0.8 }, "doseIntervalDays": 21 }
            }
          ]
        }
        """;

    /// <summary><see cref="Full"/> with the value at each path replaced by raw JSON (null raw JSON removes the property).</summary>
    public static string With(params (string Path, string? Json)[] edits) => Edit(edits, lenient: false);

    /// <summary>Like <see cref="With"/>, but skips an edit whose parent an earlier edit removed or replaced.</summary>
    public static string WithWherePossible(params (string Path, string? Json)[] edits) => Edit(edits, lenient: true);

    private static string Edit((string Path, string? Json)[] edits, bool lenient)
    {
        var root = JsonNode.Parse(Full)!;
        foreach (var (path, json) in edits)
        {
            var (parent, last) = Navigate(root, path);
            if (lenient && !CanEdit(parent, last)) continue;
            switch (last)
            {
                case int index when json is null:
                    parent!.AsArray().RemoveAt(index);
                    break;
                case int index:
                    parent!.AsArray()[index] = JsonNode.Parse(json);
                    break;
                case string name when json is null:
                    parent!.AsObject().Remove(name);
                    break;
                case string name:
                    parent!.AsObject()[name] = JsonNode.Parse(json);
                    break;
            }
        }
        return root.ToJsonString();
    }

    private static (JsonNode? Parent, object Last) Navigate(JsonNode root, string path)
    {
        var segments = Segment().Matches(path).Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value)).ToList();
        JsonNode? node = root;
        foreach (var segment in segments[..^1])
        {
            node = (segment, node) switch
            {
                (int i, JsonArray a) when i < a.Count => a[i],
                (string name, JsonObject o) => o[name],
                _ => null,
            };
        }
        return (node, segments[^1]);
    }

    private static bool CanEdit(JsonNode? parent, object last) => (parent, last) switch
    {
        (JsonArray a, int i) => i < a.Count,
        (JsonObject, string) => true,
        _ => false,
    };

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9]*)|\[(\d+)\]")]
    private static partial Regex Segment();
}
