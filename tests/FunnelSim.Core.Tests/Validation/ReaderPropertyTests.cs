using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>Read never throws, whatever the input, and its result is always consistent.</summary>
public class ReaderPropertyTests
{
    private static readonly byte[] FullBytes = Encoding.UTF8.GetBytes(ScenarioJson.Full);

    private static readonly string[] Values =
    [
        "null", "true", "-1", "0", "0.5", "1", "2.5", "1e400", "-1e400", "9007199254740993", "\"\"", "\"x\"", "\"total\"",
        "[]", "[1, 2]", "{}", """{ "value": 0.5 }""", """{ "value": 0.5, "low": 0.9, "high": 0.1 }""",
        """{ "value": 0.5, "low": 0 }""", """{ "distribution": "beta" }""", """{ "distribution": 5 }""",
        """{ "distribution": "pert", "min": 1, "mode": 0, "max": 0.5 }""", """{ "value": 0.2, "ramp": { "to": { "value": 0.3, "ramp": 1 } } }""",
        """{ "value": 0.2, "ramp": { "to": 0.4, "years": 2, "shape": "bass" } }""", """{ "scale": "plan" }""",
    ];

    private static readonly List<string> Paths = AllPaths(JsonNode.Parse(ScenarioJson.Full)!).ToList();

    private static void AssertConsistent(ScenarioLoadResult result)
    {
        Assert.Equal(result.Errors.Any(), result.Scenario is null);
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
    }

    [Fact]
    public void Random_bytes_never_throw() =>
        Gen.Byte.Array[0, 300].Sample(bytes => AssertConsistent(ScenarioLoader.Read(bytes)), iter: 3000);

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String[0, 200].Sample(text => AssertConsistent(ScenarioLoader.Read(text)), iter: 3000);

    [Fact]
    public void Byte_edits_of_a_valid_scenario_never_throw()
    {
        var edit = Gen.Select(Gen.Int[0, FullBytes.Length - 1], Gen.Int[0, 3], Gen.OneOf("{}[]\",:.-+e0123456789 \n\\ü\u00A0x"u8.ToArray()));
        edit.Array[1, 8].Sample(edits =>
        {
            var bytes = FullBytes.ToList();
            foreach (var (position, op, value) in edits)
            {
                int at = Math.Min(position, bytes.Count - 1);
                switch (op)
                {
                    case 0: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, value); break;
                    case 2: bytes[at] = value; break;
                    default: bytes.RemoveRange(at, Math.Min(20, bytes.Count - at)); break;
                }
                if (bytes.Count == 0) break;
            }
            AssertConsistent(ScenarioLoader.Read(bytes.ToArray()));
        }, iter: 3000);
    }

    [Fact]
    public void Value_edits_of_a_valid_scenario_never_throw_and_every_diagnostic_has_a_position()
    {
        var edit = Gen.Select(Gen.Int[0, Paths.Count - 1], Gen.Int[0, Values.Length]);
        edit.Array[1, 4].Sample(edits =>
        {
            // Index Values.Length stands for "remove the property".
            var json = ScenarioJson.WithWherePossible([.. edits.Select(e => (Paths[e.Item1], e.Item2 < Values.Length ? Values[e.Item2] : null))]);
            var result = ScenarioLoader.Read(json);
            AssertConsistent(result);
            Assert.All(result.Diagnostics, d => Assert.True(d.Line is not null && d.Column is not null, d.ToString()));
        }, iter: 2000);
    }

    /// <summary>Every value path of the document, deepest last, so that edits rarely remove an edited path's parent.</summary>
    private static IEnumerable<string> AllPaths(JsonNode node, string path = "")
    {
        IEnumerable<(string Path, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => (JsonPath(path, p.Key), p.Value)),
            JsonArray a => a.Select((c, i) => ($"{path}[{i}]", c)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            yield return childPath;
            if (child is not null)
                foreach (string deeper in AllPaths(child, childPath)) yield return deeper;
        }
    }

    private static string JsonPath(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
