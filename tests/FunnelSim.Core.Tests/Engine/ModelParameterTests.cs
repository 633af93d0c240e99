using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>Analyses name parameters by the validator's JSON path; every path must point at the parameter in the file.</summary>
public partial class ModelParameterTests
{
    private static readonly string BaseCasePath =
        Path.Combine(Support.RepositoryFiles.ScenariosDirectory, "us-national-base.json");

    [Fact]
    public void EveryParameterPathResolvesToANumberOrParameterObjectInTheBaseCaseFile()
    {
        var model = ModelCompiler.Compile(BuiltInScenarios.LoadUsNationalBase().Scenario!);
        var document = JsonNode.Parse(File.ReadAllText(BaseCasePath))!;

        Assert.NotEmpty(model.ParameterList);
        foreach (var parameter in model.ParameterList)
        {
            var node = Resolve(document, parameter.Path);
            Assert.True(node is JsonValue or JsonObject, $"{parameter.Path} does not resolve");
        }
        Assert.Equal(model.ParameterList.Count, model.ParameterList.Select(p => p.Path).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, model.ParameterList.Count), model.ParameterList.Select(p => p.Index));
    }

    [Fact]
    public void ParametersAreListedInDocumentOrderWithHumanLabels()
    {
        var model = ModelCompiler.Compile(BuiltInScenarios.LoadUsNationalBase().Scenario!);
        var pdac = model.ParameterList.Where(p => p.Path.StartsWith("indications[1].", StringComparison.Ordinal)).ToList();

        Assert.Equal("indications[1].incidence", pdac[0].Path);
        Assert.Equal("indications[1].annualGrowth", pdac[1].Path);
        var uptake = Assert.Single(pdac, p => p.Path == "indications[1].testing.uptake");
        Assert.Contains("testing uptake", uptake.Label, StringComparison.Ordinal);
        Assert.StartsWith(model.Scenario.Indications[1].Name!, uptake.Label, StringComparison.Ordinal);
        Assert.True(pdac.IndexOf(uptake) > pdac.FindIndex(p => p.Path == "indications[1].prevalence"));
    }

    private static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (Match part in PathPart().Matches(path))
        {
            node = part.Groups["index"].Success
                ? node?[int.Parse(part.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]
                : node?[part.Groups["name"].Value];
        }
        return node;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_-]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}
