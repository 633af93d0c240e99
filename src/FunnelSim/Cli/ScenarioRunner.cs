using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Cli;

/// <summary>Runs a scenario for a command, with a progress bar when standard error is a terminal.</summary>
internal static class ScenarioRunner
{
    public static SimulationResult Run(CliContext context, Scenario scenario, int threads, string label, CancellationToken cancellationToken)
    {
        var model = ModelCompiler.Compile(scenario);
        var options = new RunOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed, threads);
        return AnalysisOutput.WithProgress(context, label,
            progress => Simulator.Run(model, options, progress, cancellationToken));
    }

    /// <summary>Runs until <paramref name="target"/> is met or its cap reached, and says on standard error how it ended.</summary>
    public static SimulationResult RunToPrecision(CliContext context, Scenario scenario, PrecisionTarget target, int threads,
        CancellationToken cancellationToken)
    {
        var model = ModelCompiler.Compile(scenario);
        var result = AnalysisOutput.WithProgress(context, "running",
            progress => PrecisionRun.Run(model, scenario.Simulation.Seed, target, threads, progress, cancellationToken,
                expectations: Analysis.ExpectedFunnel.AtParameterMeans(model)));
        context.Error.WriteLine(PrecisionReport.Describe(result.Run));
        return result;
    }
}
