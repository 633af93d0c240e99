namespace FunnelSim.Compilation;

/// <summary>
/// Values that replace parameter draws in a run: a parameter's start value, its ramp target, or both, held at a
/// given number in every iteration instead of being drawn. Every other draw and every count keeps its own random
/// stream, so a run with overrides shares its random numbers with the run without (common random numbers).
/// Immutable; build one with <see cref="None"/> or <see cref="AtMeans"/> and <see cref="With"/>.
/// </summary>
public sealed class ParameterOverrides
{
    private ParameterOverrides(double[] start, double[] target)
    {
        Start = start;
        Target = target;
    }

    /// <summary>Override of each parameter's start value by index; NaN where it is drawn.</summary>
    internal double[] Start { get; }

    /// <summary>Override of each parameter's ramp target by index; NaN where it is drawn (or follows the start).</summary>
    internal double[] Target { get; }

    /// <summary>True when every start and ramp target is overridden: the run then draws no parameter at all.</summary>
    internal bool FixesAll => !Start.Any(double.IsNaN) && !Target.Any(double.IsNaN);

    /// <summary>No overrides: every parameter of <paramref name="model"/> is drawn.</summary>
    public static ParameterOverrides None(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int count = model.ParameterList.Count;
        return new ParameterOverrides(Filled(count, double.NaN), Filled(count, double.NaN));
    }

    /// <summary>Every start value and ramp target of <paramref name="model"/> at the mean of its distribution.</summary>
    public static ParameterOverrides AtMeans(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var start = model.ParameterList.Select(p => p.Start.Mean).ToArray();
        var target = model.ParameterList.Select(p => p.RampTarget?.Mean ?? p.Start.Mean).ToArray();
        return new ParameterOverrides(start, target);
    }

    /// <summary>
    /// Every start value and ramp target of <paramref name="model"/> at its point estimate: the written <c>value</c> of a
    /// shorthand <c>{ value, low, high }</c>, the mean of an explicit distribution.
    /// </summary>
    public static ParameterOverrides AtPointEstimates(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var start = model.ParameterList.Select(p => p.Source?.PointEstimate ?? p.Start.Mean).ToArray();
        var target = model.ParameterList.Select((p, i) => p.RampTarget is { } t ? p.Source?.Ramp?.To.PointEstimate ?? t.Mean : start[i]).ToArray();
        return new ParameterOverrides(start, target);
    }

    /// <summary>A copy with parameter <paramref name="index"/>'s start value (or, with
    /// <paramref name="rampTarget"/>, its ramp target) held at <paramref name="value"/>; NaN releases it.</summary>
    public ParameterOverrides With(int index, bool rampTarget, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Start.Length);
        var start = (double[])Start.Clone();
        var target = (double[])Target.Clone();
        (rampTarget ? target : start)[index] = value;
        return new ParameterOverrides(start, target);
    }

    /// <summary>The override of a start value (<paramref name="rampTarget"/> false) or ramp target; null where drawn.</summary>
    public double? ValueOf(int index, bool rampTarget)
    {
        double value = (rampTarget ? Target : Start)[index];
        return double.IsNaN(value) ? null : value;
    }

    private static double[] Filled(int count, double value)
    {
        var values = new double[count];
        Array.Fill(values, value);
        return values;
    }
}
