using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// One-way sensitivity (tornado): each uncertain input in turn at its low and high end, every other input at its mean,
/// for one output. Each end is the mean over the same iterations with the same random streams for the patient-level
/// counts (common random numbers), so the difference between the ends is the input's effect, not sampling noise.
/// Correlations and the sampling method do not apply: no input is drawn.
/// </summary>
public static class TornadoAnalysis
{
    /// <summary>Computes the tornado of <paramref name="output"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <exception cref="ArgumentException">The output does not name a cell of the model (see <see cref="OutputSelection.Check"/>).</exception>
    public static TornadoResult Run(CompiledModel model, OutputSelection output, TornadoOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1);
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var (cell, group) = output.CellIn(model);
        int[] owners = ParameterOwnership.Owners(model);
        var inputs = TornadoInput.Uncertain(model);
        var moved = inputs.Where(i => ParameterOwnership.CanAffect(owners, i.ParameterIndex, group, model.Indications.Length)).ToArray();
        var means = ParameterOverrides.AtMeans(model);

        var workers = TornadoScheduler.Run(moved.Length + 1, options.Iterations, options.EffectiveThreads,
            () => new TornadoWorker(model, options.Seed, means, moved, cell), progress, cancellationToken);
        var all = workers[0];
        for (int w = 1; w < workers.Length; w++) all.Merge(workers[w]);

        long n = options.Iterations;
        var bars = new List<TornadoBar>();
        var noEffect = inputs.Except(moved).ToList();
        for (int i = 0; i < moved.Length; i++)
        {
            if (all.DifferenceSums[i] == 0 && all.DifferenceSquares[i] == 0)
            {
                noEffect.Add(moved[i]);
                continue;
            }
            var low = ExactMoments.Of(n, all.Sums[1 + 2 * i], all.Squares[1 + 2 * i]);
            var high = ExactMoments.Of(n, all.Sums[2 + 2 * i], all.Squares[2 + 2 * i]);
            var difference = ExactMoments.Of(n, all.DifferenceSums[i], all.DifferenceSquares[i]);
            bars.Add(new TornadoBar(moved[i], low.Mean, high.Mean, low.Mcse, high.Mcse, difference.Mcse));
        }
        var baseline = ExactMoments.Of(n, all.Sums[0], all.Squares[0]);
        var order = inputs.Select((input, index) => (input, index)).ToDictionary(x => x.input, x => x.index);
        double elapsed = time.GetElapsedTime(started).TotalSeconds;
        return new TornadoResult(
            model.Scenario.Name,
            output with { Year = output.YearIn(model) },
            baseline.Mean,
            baseline.Mcse,
            [.. bars.OrderByDescending(b => b.Swing).ThenBy(b => order[b.Input])],
            [.. noEffect.OrderBy(i => order[i])],
            new TornadoRun(options.Iterations, options.Seed, Simulator.EngineVersion, workers.Length, elapsed));
    }
}
