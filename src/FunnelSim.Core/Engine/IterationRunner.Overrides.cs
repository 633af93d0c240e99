namespace FunnelSim.Engine;

// Parameter overrides: values that replace draws (see ParameterOverrides).
internal sealed partial class IterationRunner
{
    private double[]? _overrideStart;   // NaN where the start value is drawn
    private double[]? _overrideTarget;  // NaN where the ramp target is drawn
    private bool _overridesFixAll;

    /// <summary>
    /// Holds parameters at the values of <paramref name="start"/> and <paramref name="target"/> (NaN: drawn as usual)
    /// from the next iteration on. The arrays are read, not copied, so a caller may change them between iterations
    /// (as the tornado does) without allocating; <paramref name="fixesAll"/> says that no entry is NaN.
    /// </summary>
    public void UseOverrides(double[]? start, double[]? target, bool fixesAll)
    {
        _overrideStart = start;
        _overrideTarget = target;
        _overridesFixAll = fixesAll && start is not null && target is not null;
    }

    /// <summary>Applies the overrides after the draws; a parameter without a ramp keeps target = start.</summary>
    private void ApplyOverrides()
    {
        double[] start = _overrideStart!, target = _overrideTarget!;
        var parameters = _model.Parameters;
        for (int p = 0; p < parameters.Length; p++)
        {
            if (!double.IsNaN(start[p])) _start[p] = start[p];
            if (parameters[p].Target is null) _target[p] = _start[p];
            else if (!double.IsNaN(target[p])) _target[p] = target[p];
        }
    }
}
