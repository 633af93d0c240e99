using FunnelSim.Analysis;
using FunnelSim.Compilation;

namespace FunnelSim.Calibration;

/// <summary>
/// Log-likelihood of the observations at a latent point of the prior: the quantities' values, every parameter, the exact
/// expectation of every cell, then <see cref="CountLikelihood"/>, plus, for observations without an exact likelihood, the
/// approximate <see cref="SimulatedLikelihood"/>. Holds scratch buffers: one per thread.
/// </summary>
internal sealed class LikelihoodEvaluator
{
    private readonly PriorSpace _prior;
    private readonly CountLikelihood _likelihood;
    private readonly ExpectedFunnel _expected;
    private readonly CountLikelihood.Scratch _scratch;
    private readonly SimulatedLikelihood? _simulated;
    private readonly SimulatedLikelihood.Scratch? _simulation;
    private readonly double[] _values, _start, _target, _cells;

    public LikelihoodEvaluator(CompiledModel model, PriorSpace prior, CountLikelihood likelihood, SimulatedLikelihood? simulated = null)
    {
        _prior = prior;
        _likelihood = likelihood;
        _simulated = simulated;
        _simulation = simulated?.NewScratch();
        _expected = new ExpectedFunnel(model);
        _scratch = new CountLikelihood.Scratch(likelihood);
        _values = new double[prior.Dimensions];
        _start = new double[prior.ParameterCount];
        _target = new double[prior.ParameterCount];
        _cells = new double[model.CellCount];
    }

    /// <summary>The exact expectation of every cell at the latest point evaluated.</summary>
    public ReadOnlySpan<double> Cells => _cells;

    /// <summary>The log-likelihood at latent point <paramref name="z"/>; the exact part alone unless <paramref name="simulate"/>.</summary>
    public double LogLikelihood(ReadOnlySpan<double> z, bool simulate = true)
    {
        _prior.Values(z, _values);
        _prior.Parameters(_values, _start, _target);
        _expected.Compute(_start, _target, _cells, treatment: false);
        double exact = _likelihood.LogLikelihood(_cells, _expected.Reflex, _scratch);
        if (_simulated is null || !simulate || !double.IsFinite(exact)) return exact;
        return exact + _simulated.LogLikelihood(_start, _target, _simulation!);
    }

    /// <summary>
    /// One simulated history with every parameter held at latent point <paramref name="z"/>: iteration
    /// <paramref name="iteration"/>'s value of every cell (only when some observation is scored by simulation).
    /// </summary>
    public ReadOnlySpan<long> Simulate(ReadOnlySpan<double> z, long iteration)
    {
        _prior.Values(z, _values);
        _prior.Parameters(_values, _start, _target);
        SimulatedLikelihood.Hold(_start, _target, _simulation!);
        return SimulatedLikelihood.SimulateOnce(_simulation!, iteration);
    }

    /// <summary>Computes the exact expectation of every cell at <paramref name="z"/> (see <see cref="Cells"/>).</summary>
    public void Expect(ReadOnlySpan<double> z)
    {
        _prior.Values(z, _values);
        _prior.Parameters(_values, _start, _target);
        _expected.Compute(_start, _target, _cells);
    }

    /// <summary>Expected observed counts at the latest <see cref="LogLikelihood"/>.</summary>
    public void ObservedMeans(Span<double> means) => _likelihood.ObservedMeans(_scratch, means);
}
