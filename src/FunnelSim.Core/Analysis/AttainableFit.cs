using FunnelSim.Compilation;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// The attainable ceiling of any surrogate of an output on the uncertain inputs: the share of the output's variance that
/// the inputs can explain at all, 1 − E[Var(Y | inputs)] / Var(Y). The rest is patient-level chance (Poisson and binomial
/// counts given the parameters), which no function of the inputs can predict. E[Var(Y | inputs)] is estimated from the
/// model itself: the inputs of the first <see cref="Draws"/> iterations are held and the output is simulated
/// <see cref="Repeats"/> times on fresh random streams (iterations past the drivers' sample); the pooled within-draw
/// variance is the noise. Sequential and keyed by iteration, so the same for any thread count.
/// </summary>
internal static class AttainableFit
{
    /// <summary>Input draws held.</summary>
    public const int Draws = 200;

    /// <summary>Outputs simulated per held draw.</summary>
    public const int Repeats = 10;

    /// <summary>
    /// The ceiling (in [0, 1]) for an output whose variance over the drivers' sample is <paramref name="outputVariance"/>;
    /// the repeats use iterations from <paramref name="firstFreeIteration"/> on. NaN when no draw had two values.
    /// </summary>
    public static double Estimate(CompiledModel model, OutputCell cell, ulong seed, long firstFreeIteration, double outputVariance,
        CancellationToken cancellationToken)
    {
        if (!(outputVariance > 0)) return double.NaN;
        var runner = new IterationRunner(model, seed);
        int parameters = model.Parameters.Length;
        var start = new double[parameters];
        var target = new double[parameters];
        var values = new double[Repeats];
        double within = 0;
        long freedom = 0;
        for (int i = 0; i < Draws; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runner.UseOverrides(null, null, fixesAll: false);
            runner.Simulate(i);
            runner.DrawnParameters.CopyTo(start);
            runner.DrawnRampTargets.CopyTo(target);
            runner.UseOverrides(start, target, fixesAll: true);
            int n = 0;
            for (int j = 0; j < Repeats; j++)
            {
                runner.Simulate(firstFreeIteration + (long)i * Repeats + j);
                long value = cell.Read(runner);
                if (value != MoneyAccumulators.Undefined) values[n++] = value / cell.Divisor;
            }
            if (n < 2) continue;
            double mean = 0;
            for (int j = 0; j < n; j++) mean += values[j];
            mean /= n;
            for (int j = 0; j < n; j++) within += (values[j] - mean) * (values[j] - mean);
            freedom += n - 1;
        }
        if (freedom == 0) return double.NaN;
        return Math.Clamp(1 - within / freedom / outputVariance, 0, 1);
    }
}
