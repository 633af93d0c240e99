using System.Reflection;
using FunnelSim.Compilation;
using NetArchTest.Rules;

namespace FunnelSim.Core.Tests.Architecture;

/// <summary>
/// The core's namespaces depend in one direction (docs/architecture.md):
/// Sampling ← Distributions ← Model ← Json ← Compilation ← Engine ← Summaries → Results ← Export;
/// Analysis → {Summaries, Engine, Compilation, Results}; Formatting → Results; Sweeps after Compilation;
/// Reporting on top. A type that reaches a namespace not allowed for its own fails here, naming the type.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const string Root = "FunnelSim.";

    private static readonly string[] Base = ["Sampling"];

    /// <summary>Each namespace and the core namespaces it may use (besides its own); everything else is a back edge.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Sampling"] = [],
        ["Distributions"] = ["Sampling"],
        ["Model"] = ["Distributions", "Sampling"],
        ["Json"] = ["Model", "Distributions", "Sampling"],
        ["Compilation"] = ["Json", "Model", "Distributions", "Sampling"],
        ["Engine"] = ["Compilation", "Json", "Model", "Distributions", "Sampling"],
        ["Results"] = ["Model", "Distributions", "Sampling"],
        ["Formatting"] = ["Results", "Model", "Distributions", "Sampling"],
        ["Summaries"] = ["Engine", "Compilation", "Json", "Model", "Distributions", "Sampling", "Results"],
        ["Sweeps"] = ["Compilation", "Json", "Model", "Distributions", "Sampling"],
        ["Shards"] = ["Export", "Summaries", "Engine", "Compilation", "Json", "Model", "Distributions", "Sampling", "Results"],
        ["Analysis"] = ["Summaries", "Engine", "Compilation", "Json", "Model", "Distributions", "Sampling", "Results", "Formatting"],
        ["Export"] = ["Analysis", "Sweeps", "Summaries", "Engine", "Compilation", "Json", "Model", "Distributions", "Sampling",
            "Results", "Formatting"],
        ["Calibration"] = ["Analysis", "Engine", "Compilation", "Json", "Model", "Distributions", "Sampling"],
        ["Reporting"] = ["Calibration", "Export", "Analysis", "Sweeps", "Summaries", "Engine", "Compilation", "Json", "Model", "Distributions",
            "Sampling", "Results", "Formatting"],
    };

    private static readonly Assembly Core = typeof(ModelCompiler).Assembly;

    public static TheoryData<string> Namespaces() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void ANamespaceUsesOnlyTheNamespacesBelowIt(string name)
    {
        string[] forbidden = [.. Allowed.Keys.Where(other => other != name && !Allowed[name].Contains(other)).Select(n => Root + n)];

        var result = Types.InAssembly(Core).That().ResideInNamespace(Root + name).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{Root}{name} may use only {string.Join(", ", Allowed[name])}; these types reach further: " +
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheCheckSeesDependencies()
    {
        // A known forward edge (the compiler reads scenario records) is seen, so a back edge would be too.
        var result = Types.InAssembly(Core).That().ResideInNamespace(Root + "Compilation").ShouldNot().HaveDependencyOn(Root + "Model")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void EveryNamespaceOfTheCoreHasAPlace()
    {
        var namespaces = Core.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal))
            .Select(n => n[Root.Length..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.All(namespaces, n => Assert.True(Allowed.ContainsKey(n),
            $"{Root}{n} is not placed in the dependency order; add it to {nameof(Allowed)} and to docs/architecture.md"));
    }
}
