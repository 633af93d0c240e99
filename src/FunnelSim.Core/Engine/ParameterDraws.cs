using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

/// <summary>
/// One worker's parameter values for the iteration at hand: each parameter's start value and ramp target, drawn per
/// iteration (independently from each parameter's own stream, or by the model's sampling design), with overrides
/// (values that replace draws) applied. Owns its two buffers; reused for every iteration.
/// </summary>
internal sealed class ParameterDraws
{
    private readonly CompiledModel _model;
    private readonly ulong _seed;
    private readonly HypercubeReplicates _replicates;  // of the whole run: Latin hypercube replicates and strata
    private readonly bool _replicated;                 // Latin hypercube: iterations fall in replicates
    private readonly ReorderedStrata _strata = new();  // Latin hypercube with correlations: this worker's replicate
    private readonly double[] _start;   // each parameter's drawn start value
    private readonly double[] _target;  // each parameter's drawn ramp target (= start without a ramp)
    private double[]? _overrideStart;   // NaN where the start value is drawn
    private double[]? _overrideTarget;  // NaN where the ramp target is drawn
    private bool _overridesFixAll;

    /// <param name="model">The model.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="iterations">The run's iteration count, which Latin hypercube replicates and strata are laid out over; a
    /// run to a precision target continues the layout in whole replicates.</param>
    /// <exception cref="SimulationLimitException">Latin hypercube with fewer than 4 iterations, or with correlations and a
    /// replicate too large to reorder.</exception>
    public ParameterDraws(CompiledModel model, ulong seed, long iterations)
    {
        _model = model;
        _seed = seed;
        _replicated = model.Design is { IsLatinHypercube: true };
        if (_replicated)
        {
            if (iterations < SimulationSettings.MinLatinHypercubeIterations)
                throw new SimulationLimitException("simulation.iterations (or --iterations): " + Json.ScenarioReader.LatinHypercubeTooFew(iterations));
            _replicates = new HypercubeReplicates(iterations, model.Scenario.Simulation.LhsReplicates);
            if (model.Design!.IsCorrelated && _replicates.SizeOf(0) > RankReordering.MaxSize)
                throw new SimulationLimitException(ReorderedStrata.TooLarge(_replicates.SizeOf(0)));
        }
        _start = new double[model.Parameters.Length];
        _target = new double[model.Parameters.Length];
    }

    /// <summary>This iteration's start values, by parameter index (valid after <see cref="Draw"/>).</summary>
    public ReadOnlySpan<double> Start => _start;

    /// <summary>This iteration's ramp targets (the start value where a parameter does not ramp).</summary>
    public ReadOnlySpan<double> Target => _target;

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

    /// <summary>
    /// Draws every parameter's start value and ramp target for <paramref name="iteration"/>, then applies the overrides;
    /// <paramref name="streams"/> is the iteration's <see cref="Rng.IterationSeed"/>.
    /// </summary>
    public void Draw(long iteration, ulong streams)
    {
        if (_overridesFixAll)
        {
            ApplyOverrides();
            return;
        }
        if (_model.Design is { } design) design.Draw(_model.Parameters, _seed, iteration, _replicates, _strata, _start, _target);
        else DrawIndependent(streams);
        if (_overrideStart is not null) ApplyOverrides();
    }

    /// <summary>The Latin hypercube replicate of global iteration <paramref name="iteration"/>; −1 for other designs.</summary>
    public int ReplicateOf(long iteration) => _replicated ? _replicates.Of(iteration) : -1;

    /// <summary>A probability parameter's value in year index <paramref name="year"/> (along its ramp), clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Probability(int parameter, int year)
    {
        double start = _start[parameter];
        double p = start + (_target[parameter] - start) * _model.Parameters[parameter].Progress[year];
        return Math.Clamp(p, 0, 1);
    }

    private void DrawIndependent(ulong streams)
    {
        var parameters = _model.Parameters;
        for (int p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            var rng = Rng.ForKey(streams, parameter.StartKey);
            double start = parameter.Start.Sample(ref rng);
            _start[p] = start;
            if (parameter.Target is { } target)
            {
                var targetRng = Rng.ForKey(streams, parameter.TargetKey);
                _target[p] = target.Sample(ref targetRng);
            }
            else
            {
                _target[p] = start;
            }
        }
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
