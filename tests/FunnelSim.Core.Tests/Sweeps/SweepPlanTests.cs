using System.Text;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Distributions;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Sweeps;

namespace FunnelSim.Core.Tests.Sweeps;

public sealed class SweepPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funnelsim-sweep-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SweepPlanResult Plan(string axes)
    {
        File.Copy(Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json"), Path.Combine(_folder, "base.json"), true);
        var read = SweepReader.Read(Encoding.UTF8.GetBytes($$"""{ "base": "base.json", "axes": [ {{axes}} ] }"""), _folder);
        Assert.True(read.IsValid, string.Join("; ", read.Diagnostics));
        return SweepPlan.Create(read.Definition!);
    }

    [Fact]
    public void PointsAreEveryCombinationWithTheLastAxisFastest()
    {
        var plan = Plan("""
            { "path": "indications[1].testing.uptake.value", "values": [0.35, 0.45] },
            { "path": "indications[0].prevalence.value", "values": [0.002, 0.003, 0.0035] }
            """).Plan!;
        Assert.Equal(6, plan.Points.Length);
        Assert.Equal([0, 1, 2, 3, 4, 5], plan.Points.Select(p => p.Index));
        Assert.Equal([0.35, 0.003], plan.Points[1].Values.ToArray());
        Assert.Equal([0.45, 0.002], plan.Points[3].Values.ToArray());
        var scenario = plan.ScenarioAt(plan.Points[5]).Load.Scenario!;
        Assert.Equal(0.45, scenario.Indications[1].Testing.Uptake.Value);
        Assert.Equal(0.0035, scenario.Indications[0].Prevalence.Value);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void SweepingAShareRescalesTheOthersInProportionAndSaysSo()
    {
        // Base PDAC shares: dna 0.4, rna 0.3, liquid 0.3.
        var plan = Plan("""{ "path": "indications[1].testing.modalities[1].share", "values": [0.6] }""").Plan!;

        var modalities = plan.ScenarioAt(plan.Points[0]).Load.Scenario!.Indications[1].Testing.Modalities;

        Assert.Equal(0.6, modalities[1].Share);
        Assert.Equal(0.4 * 0.4 / 0.7, modalities[0].Share, 1e-12);
        Assert.Equal(0.3 * 0.4 / 0.7, modalities[2].Share, 1e-12);
        Assert.Equal(1, modalities.Sum(m => m.Share), 1e-12);
        Assert.Contains("rescaled in proportion", Assert.Single(plan.Notes));
    }

    [Fact]
    public void AnAxisWhosePathDoesNotExistIsAnErrorNamingTheAxis()
    {
        var result = Plan("""
            { "path": "indications[1].testing.uptake.value", "values": [0.4] },
            { "path": "indications[1].testing.uptak.value", "values": [0.4] }
            """);
        Assert.Null(result.Plan);
        var error = Assert.Single(result.AxisDiagnostics);
        Assert.Equal("axes[1].path", error.Path);
        Assert.Contains("axis 2: 'indications[1].testing.uptak.value' does not exist", error.Message);
        Assert.Contains("did you mean 'uptake'?", error.Message);
        Assert.Equal(2, error.Line); // the second axis, on the second line of the sweep file
    }

    [Fact]
    public void TwoSharesOfOneIndicationAreRefused()
    {
        var result = Plan("""
            { "path": "indications[1].testing.modalities[0].share", "values": [0.4] },
            { "path": "indications[1].testing.modalities[1].share", "values": [0.4] }
            """);
        Assert.Contains("sweep one share per indication", Assert.Single(result.AxisDiagnostics).Message);
    }

    [Fact]
    public void APointOutsideTheValidatorsRangeIsInvalidWithItsMessage()
    {
        var plan = Plan("""{ "path": "indications[1].prevalence.value", "values": [0.003, 1.5] }""").Plan!;
        Assert.True(plan.ScenarioAt(plan.Points[0]).Load.IsValid);
        var bad = plan.ScenarioAt(plan.Points[1]).Load;
        Assert.False(bad.IsValid);
        Assert.Contains(bad.Errors, d => d.Path == "indications[1].prevalence.value");
    }

    [Fact]
    public void AnIdInBracketsNamesTheSameNumberAsItsIndexAndRescalesTheSameShares()
    {
        var byId = Plan("""{ "path": "indications[pdac].testing.modalities[rna-ngs].share", "values": [0.5, 0.7] }""").Plan!;
        var byIndex = Plan("""{ "path": "indications[1].testing.modalities[1].share", "values": [0.5, 0.7] }""").Plan!;

        Assert.Equal(byIndex.JsonAt(byIndex.Points[1]), byId.JsonAt(byId.Points[1]));
        Assert.Single(byId.Notes);
        Assert.Contains("indications[1]", byId.Notes[0]);
    }

    [Fact]
    public void AnUnknownIdInAnAxisIsExplained()
    {
        var planned = Plan("""{ "path": "indications[pdca].prevalence.value", "values": [0.002] }""");

        Assert.Null(planned.Plan);
        Assert.Contains("did you mean 'pdac'?", Assert.Single(planned.AxisDiagnostics).Message);
    }

    [Fact]
    public void TheBaseMayBeAnOverlayAndCommandLineSettingsApplyToIt()
    {
        File.Copy(Path.Combine(RepositoryFiles.ScenariosDirectory, "us-national-base.json"), Path.Combine(_folder, "base.json"), true);
        File.WriteAllText(Path.Combine(_folder, "overlay.json"),
            """{ "schemaVersion": 1, "extends": "base.json", "set": { "years": 2 } }""");
        var read = SweepReader.Read(Encoding.UTF8.GetBytes(
            """{ "base": "overlay.json", "axes": [ { "path": "indications[cca].prevalence.value", "values": [0.002, 0.003] } ] }"""), _folder);
        var setting = FunnelSim.Json.OverlaySetting.FromCommandLine("startYear=2027", out _)!;

        var plan = SweepPlan.Create(read.Definition!, [setting]).Plan!;
        var scenario = plan.ScenarioAt(plan.Points[1]).Load.Scenario!;

        Assert.Equal(2, scenario.Years);
        Assert.Equal(2027, scenario.StartYear);
        Assert.Equal(0.003, scenario.Indications[2].Prevalence.Value);
    }
}
