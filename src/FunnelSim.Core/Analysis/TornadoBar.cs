namespace FunnelSim.Analysis;

/// <summary>
/// One bar of a tornado: the output with one input at its low end and at its high end, every other input at its base (the written value of a shorthand, the mean of an explicit distribution):
/// exact expectations (the MCSEs are then 0), or simulated means on shared random streams (see <see cref="TornadoMethod"/>).
/// </summary>
/// <param name="Input">The input moved, with its low and high values.</param>
/// <param name="OutputAtLow">The output (expectation or mean) with the input at <see cref="TornadoInput.Low"/>.</param>
/// <param name="OutputAtHigh">The output with the input at <see cref="TornadoInput.High"/>.</param>
/// <param name="McseAtLow">Monte Carlo standard error of <paramref name="OutputAtLow"/>; 0 when exact.</param>
/// <param name="McseAtHigh">Monte Carlo standard error of <paramref name="OutputAtHigh"/>; 0 when exact.</param>
/// <param name="SwingMcse">Monte Carlo standard error of the paired difference high − low (small: shared streams); 0 when exact.</param>
public sealed record TornadoBar(TornadoInput Input, double OutputAtLow, double OutputAtHigh, double McseAtLow,
    double McseAtHigh, double SwingMcse)
{
    /// <summary>Width of the bar: |output at high − output at low|. Bars are sorted by it.</summary>
    public double Swing => Math.Abs(OutputAtHigh - OutputAtLow);
}
