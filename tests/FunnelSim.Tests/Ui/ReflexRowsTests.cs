using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;
using FunnelSim.Summaries;
using FunnelSim.Ui.Presentation;

namespace FunnelSim.Tests.Ui;

/// <summary>The results table and the funnel chart show the reflex stages where a modality has a reflex test, and only there.</summary>
public class ReflexRowsTests
{
    private static SimulationResult Run(string file)
    {
        var load = ScenarioSource.ReadFile(CliHarness.Scenario(file));
        Assert.True(load.IsValid, string.Join('\n', load.Diagnostics));
        var scenario = load.Scenario! with { Simulation = load.Scenario.Simulation with { Iterations = 500 } };
        return Simulator.Run(scenario, threads: 1);
    }

    [Fact]
    public void The_reflex_what_if_shows_its_reflex_tests()
    {
        var result = Run("whatif-reflex-rna-after-dna.json");

        var rows = FunnelTable.Build(result, new ResultSelection()).Rows.Select(r => r[0].Trim()).ToList();
        Assert.Equal(rows.IndexOf("Tested") + 1, rows.IndexOf("given a reflex test"));
        Assert.Contains("identified by the reflex test", rows);
        var stages = FunnelStage.Of(result, "pdac", 2026).Select(s => s.Metric).ToList();
        Assert.Contains(MetricNames.ReflexTested, stages);
        Assert.Contains(MetricNames.IdentifiedByReflex, stages);
    }

    [Fact]
    public void The_base_case_shows_none()
    {
        var result = Run("us-national-base.json");

        var rows = FunnelTable.Build(result, new ResultSelection()).Rows.Select(r => r[0]).ToList();
        Assert.DoesNotContain(rows, r => r.Contains("reflex", StringComparison.Ordinal));
        Assert.DoesNotContain(MetricNames.ReflexTested, FunnelStage.Of(result, "total", 2026).Select(s => s.Metric));
    }
}
