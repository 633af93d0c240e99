using FunnelSim.Compilation;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// The tornado's bar ends as simulated means: each end is the mean over the same iterations with the same random
/// streams for the patient-level counts (common random numbers), with its Monte Carlo standard error. The streams
/// resynchronise only partly when a probability changes (the rejection samplers use a varying number of uniforms), so a
/// swing keeps some noise; its MCSE says how much. For outputs without an exact expectation: money (summed in whole
/// cents, reported in currency units; PMPM divided exactly as the results do), and any count on request.
/// </summary>
internal static class TornadoSimulation
{
    /// <summary>The output with every input at its base (mean, MCSE), each input's bar (null where the paired
    /// differences were all exactly zero), and the worker count.</summary>
    public static (double Base, double BaseMcse, TornadoBar?[] Bars, int Threads) Evaluate(CompiledModel model,
        ParameterOverrides means, TornadoInput[] inputs, OutputCell cell, TornadoOptions options, IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1);
        var workers = TornadoScheduler.Run(inputs.Length + 1, options.Iterations, options.EffectiveThreads,
            () => new TornadoWorker(model, options.Seed, means, inputs, cell), progress, cancellationToken);
        var all = workers[0];
        for (int w = 1; w < workers.Length; w++) all.Merge(workers[w]);

        double divisor = cell.Divisor;
        var bars = new TornadoBar?[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (all.DifferenceCounts[i] == 0 || all.DifferenceSums[i] == 0 && all.DifferenceSquares[i] == 0) continue;
            var low = Moments(all.Counts[1 + 2 * i], all.Sums[1 + 2 * i], all.Squares[1 + 2 * i]);
            var high = Moments(all.Counts[2 + 2 * i], all.Sums[2 + 2 * i], all.Squares[2 + 2 * i]);
            var difference = Moments(all.DifferenceCounts[i], all.DifferenceSums[i], all.DifferenceSquares[i]);
            bars[i] = new TornadoBar(inputs[i], low.Mean / divisor, high.Mean / divisor, low.Mcse / divisor,
                high.Mcse / divisor, difference.Mcse / divisor);
        }
        var baseline = Moments(all.Counts[0], all.Sums[0], all.Squares[0]);
        return (baseline.Mean / divisor, baseline.Mcse / divisor, bars, workers.Length);
    }

    /// <summary>Mean and MCSE of <paramref name="n"/> integer values from exact sums (NaN without a value); for values that
    /// fit a long the same bits as <see cref="ExactMoments.Of"/>.</summary>
    internal static (double Mean, double Mcse) Moments(long n, Int128 sum, Int128 sumOfSquares)
    {
        if (n == 0) return (double.NaN, double.NaN);
        double mean = (double)sum / n;
        if (n < 2) return (mean, 0);
        Int128 numerator = n * sumOfSquares - sum * sum;
        double sd = Math.Sqrt(Math.Max(0, (double)numerator) / ((double)n * (n - 1)));
        return (mean, sd / Math.Sqrt(n));
    }
}
