using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Analysis;

/// <summary>
/// One-way sensitivity (tornado): each uncertain input in turn at its low and high end, every other input at its base (the written value of a shorthand, the mean of an explicit distribution),
/// for one output. Where the output has an exact expectation (every funnel count, see <see cref="ExpectedFunnel"/>)
/// each end is that expectation, so bars show the input's effect and no noise at all; otherwise (money: costs, budget
/// impact, PMPM) each end is the mean over the same iterations with the same random streams for the patient-level
/// counts (common random numbers), with its Monte Carlo standard error. Correlations and the sampling method do not apply: no input is drawn.
/// </summary>
public static class TornadoAnalysis
{
    /// <summary>Computes the tornado of <paramref name="output"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <exception cref="ArgumentException">The output does not name a cell of the model (see
    /// <see cref="OutputSelection.Check"/>), or <see cref="TornadoOptions.Method"/> asks for an expectation it has not.</exception>
    public static TornadoResult Run(CompiledModel model, OutputSelection output, TornadoOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var cell = output.Resolve(model);
        int group = cell.Group;
        var funnel = new ExpectedFunnel(model);
        bool exact = cell.Source == OutputSource.Count && funnel.IsExact(cell.Index);
        var method = options.Method ?? (exact ? TornadoMethod.Expectation : TornadoMethod.Simulation);
        if (method == TornadoMethod.Expectation && !exact)
            throw new ArgumentException($"'{output.Metric}' has no exact expectation; use the simulation.", nameof(options));

        int[] owners = ParameterOwnership.Owners(model);
        var inputs = TornadoInput.Uncertain(model);
        var moved = inputs.Where(i => ParameterOwnership.CanAffect(owners, i.ParameterIndex, group, model.Indications.Length)).ToArray();
        var means = ParameterOverrides.AtPointEstimates(model);

        double baseOutput, baseMcse = 0;
        TornadoBar?[] evaluated;
        int threads = 1;
        long iterations = 0;
        if (method == TornadoMethod.Expectation)
        {
            (baseOutput, evaluated) = TornadoExpectation.Evaluate(model, funnel, means, moved, cell.Index, cancellationToken);
        }
        else
        {
            (baseOutput, baseMcse, evaluated, threads) =
                TornadoSimulation.Evaluate(model, means, moved, cell, options, progress, cancellationToken);
            iterations = options.Iterations;
        }

        var bars = evaluated.OfType<TornadoBar>();
        var noEffect = inputs.Except(moved).Concat(moved.Where((_, i) => evaluated[i] is null));
        var order = inputs.Select((input, index) => (input, index)).ToDictionary(x => x.input, x => x.index);
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        return new TornadoResult(
            model.Scenario.Name,
            output with { Year = output.YearIn(model) },
            baseOutput,
            baseMcse,
            [.. bars.OrderByDescending(b => b.Swing).ThenBy(b => order[b.Input])],
            [.. noEffect.OrderBy(i => order[i])],
            new TornadoRun(method, iterations, options.Seed, Simulator.EngineVersion, threads, elapsed))
        {
            Currency = output.IsMoney ? model.Scenario.Costs?.Currency : null,
        };
    }
}
