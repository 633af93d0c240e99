using FunnelSim.Core.Tests.Support;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Reporting;

/// <summary>Shipped scenarios run once at few iterations, and their reports, shared by the reporting tests.</summary>
internal static class ReportFixture
{
    public static readonly DateTimeOffset Created = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SimulationResult> PayerResult = new(() => RunShipped("payer-commercial-1m.json", 1500));
    private static readonly Lazy<SimulationResult> NoCostsResult = new(() =>
    {
        var payer = PayerResult.Value.Scenario;
        return Simulator.Run(ModelCompiler.Compile(payer with { Costs = null }), new RunOptions(1500, payer.Simulation.Seed, 2));
    });

    public static SimulationResult Payer => PayerResult.Value;

    public static SimulationResult NoCosts => NoCostsResult.Value;

    public static SimulationResult RunShipped(string name, long iterations)
    {
        var scenario = ScenarioLoader.ReadFile(Path.Combine(RepositoryFiles.ScenariosDirectory, name)).Scenario!;
        return Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(iterations, scenario.Simulation.Seed, 2));
    }

    public static (Report Report, string Html) Build(SimulationResult result)
    {
        var source = new ReportSource("test.json", ScenarioHash.OfCanonical(result.Scenario), ScenarioHash.CanonicalForm, Created);
        var report = ReportBuilder.Build(result, source, new ReportOptions { TornadoIterations = 200, Threads = 2 });
        var charts = ReportCharts.All(report);
        try
        {
            return (report, HtmlReport.Write(report, charts));
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }
    }
}
