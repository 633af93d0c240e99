namespace FunnelSim.Analysis;

/// <summary>
/// One bar of a tornado: the output with one input at its low end and at its high end, every other input at its mean.
/// Both ends use the same random streams for the patient-level counts, so the bar shows the input's effect, not noise.
/// </summary>
/// <param name="Input">The input moved, with its low and high values.</param>
/// <param name="OutputAtLow">Mean of the output with the input at <see cref="TornadoInput.Low"/>.</param>
/// <param name="OutputAtHigh">Mean of the output with the input at <see cref="TornadoInput.High"/>.</param>
/// <param name="McseAtLow">Monte Carlo standard error of <paramref name="OutputAtLow"/>.</param>
/// <param name="McseAtHigh">Monte Carlo standard error of <paramref name="OutputAtHigh"/>.</param>
/// <param name="SwingMcse">Monte Carlo standard error of the paired difference high − low (small: shared streams).</param>
public sealed record TornadoBar(TornadoInput Input, double OutputAtLow, double OutputAtHigh, double McseAtLow,
    double McseAtHigh, double SwingMcse)
{
    /// <summary>Width of the bar: |output at high − output at low|. Bars are sorted by it.</summary>
    public double Swing => Math.Abs(OutputAtHigh - OutputAtLow);
}
