using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>Builds a <see cref="Report"/> from a run's results: compiles the scenario as run, and runs the tornadoes.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// The report of <paramref name="result"/>: the tornado of total new starts in the last year (exact expectation) and,
    /// with costs, of the total budget impact in the last year (simulated on common random numbers at the run's seed);
    /// the inputs table. Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static Report Build(SimulationResult result, ReportSource source, ReportOptions? options = null,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new ReportOptions();
        var model = ModelCompiler.Compile(result.Scenario);
        int last = result.Scenario.StartYear + result.Scenario.Years - 1;
        int funnelYear = options.FunnelYear is { } y && y >= result.Scenario.StartYear && y <= last ? y : last;

        var tornadoes = new List<TornadoResult>
        {
            TornadoAnalysis.Run(model, new OutputSelection(MetricNames.TreatedNew), new TornadoOptions(options.TornadoIterations,
                result.Run.Seed, options.Threads) { Method = TornadoMethod.Expectation }, null, cancellationToken),
        };
        if (model.HasCosts)
        {
            tornadoes.Add(TornadoAnalysis.Run(model, new OutputSelection(MetricNames.BudgetImpact),
                new TornadoOptions(options.TornadoIterations, result.Run.Seed, options.Threads), progress, cancellationToken));
        }
        return new Report(result, source, funnelYear, tornadoes, InputTable.Rows(model), options);
    }
}
