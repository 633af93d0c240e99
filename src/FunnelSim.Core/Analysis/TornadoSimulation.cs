using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// The tornado's bar ends as simulated means: each end is the mean over the same iterations with the same random
/// streams for the patient-level counts (common random numbers), with its Monte Carlo standard error. The streams
/// resynchronise only partly when a probability changes (the rejection samplers use a varying number of uniforms), so a
/// swing keeps some noise; its MCSE says how much. For outputs without an exact expectation.
/// </summary>
internal static class TornadoSimulation
{
    /// <summary>The output with every input at its mean (mean, MCSE), each input's bar (null where the paired
    /// differences were all exactly zero), and the worker count.</summary>
    public static (double Base, double BaseMcse, TornadoBar?[] Bars, int Threads) Evaluate(CompiledModel model,
        ParameterOverrides means, TornadoInput[] inputs, int cell, TornadoOptions options, IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1);
        var workers = TornadoScheduler.Run(inputs.Length + 1, options.Iterations, options.EffectiveThreads,
            () => new TornadoWorker(model, options.Seed, means, inputs, cell), progress, cancellationToken);
        var all = workers[0];
        for (int w = 1; w < workers.Length; w++) all.Merge(workers[w]);

        long n = options.Iterations;
        var bars = new TornadoBar?[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (all.DifferenceSums[i] == 0 && all.DifferenceSquares[i] == 0) continue;
            var low = ExactMoments.Of(n, all.Sums[1 + 2 * i], all.Squares[1 + 2 * i]);
            var high = ExactMoments.Of(n, all.Sums[2 + 2 * i], all.Squares[2 + 2 * i]);
            var difference = ExactMoments.Of(n, all.DifferenceSums[i], all.DifferenceSquares[i]);
            bars[i] = new TornadoBar(inputs[i], low.Mean, high.Mean, low.Mcse, high.Mcse, difference.Mcse);
        }
        var baseline = ExactMoments.Of(n, all.Sums[0], all.Squares[0]);
        return (baseline.Mean, baseline.Mcse, bars, workers.Length);
    }
}
