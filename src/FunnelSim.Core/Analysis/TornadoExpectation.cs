using FunnelSim.Compilation;

namespace FunnelSim.Analysis;

/// <summary>
/// The tornado's bar ends as exact expectations: every input at its base, then each input at its low and its high end,
/// through <see cref="ExpectedFunnel"/>. Milliseconds for any number of inputs; no randomness, so no seed or threads.
/// </summary>
internal static class TornadoExpectation
{
    /// <summary>
    /// A swing this small relative to the output is rounding in the arithmetic (e.g. a ramp's start after the ramp has
    /// ended, <c>start + (to − start)·1</c>), not an effect.
    /// </summary>
    public const double RoundingTolerance = 1e-12;

    /// <summary>The output with every input at its base, and each input's bar (null where it has no effect).</summary>
    public static (double Base, TornadoBar?[] Bars) Evaluate(CompiledModel model, ExpectedFunnel funnel, ParameterOverrides means,
        TornadoInput[] inputs, int cell, CancellationToken cancellationToken)
    {
        var start = (double[])means.Start.Clone();
        var target = (double[])means.Target.Clone();
        var cells = new double[model.CellCount];
        double Evaluate()
        {
            funnel.Compute(start, target, cells);
            return cells[cell];
        }

        double baseline = Evaluate();
        var bars = new TornadoBar?[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = inputs[i];
            double[] values = input.IsRampTarget ? target : start;
            values[input.ParameterIndex] = input.Low;
            double low = Evaluate();
            values[input.ParameterIndex] = input.High;
            double high = Evaluate();
            values[input.ParameterIndex] = input.Base;
            double scale = Math.Max(Math.Abs(baseline), Math.Max(Math.Abs(low), Math.Abs(high)));
            if (Math.Abs(high - low) > RoundingTolerance * scale) bars[i] = new TornadoBar(input, low, high, 0, 0, 0);
        }
        return (baseline, bars);
    }
}
