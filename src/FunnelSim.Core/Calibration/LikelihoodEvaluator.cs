using FunnelSim.Analysis;
using FunnelSim.Compilation;

namespace FunnelSim.Calibration;

/// <summary>
/// Log-likelihood of the observations at a latent point of the prior: the quantities' values, every parameter, the exact
/// expectation of every cell, then <see cref="CountLikelihood"/>. Holds scratch buffers: one per thread.
/// </summary>
internal sealed class LikelihoodEvaluator
{
    private readonly PriorSpace _prior;
    private readonly CountLikelihood _likelihood;
    private readonly ExpectedFunnel _expected;
    private readonly CountLikelihood.Scratch _scratch;
    private readonly double[] _values, _start, _target, _cells;

    public LikelihoodEvaluator(CompiledModel model, PriorSpace prior, CountLikelihood likelihood)
    {
        _prior = prior;
        _likelihood = likelihood;
        _expected = new ExpectedFunnel(model);
        _scratch = new CountLikelihood.Scratch(likelihood);
        _values = new double[prior.Dimensions];
        _start = new double[prior.ParameterCount];
        _target = new double[prior.ParameterCount];
        _cells = new double[model.CellCount];
    }

    /// <summary>The exact expectation of every cell at the latest point evaluated.</summary>
    public ReadOnlySpan<double> Cells => _cells;

    /// <summary>The log-likelihood at latent point <paramref name="z"/>.</summary>
    public double LogLikelihood(ReadOnlySpan<double> z)
    {
        _prior.Values(z, _values);
        _prior.Parameters(_values, _start, _target);
        _expected.Compute(_start, _target, _cells, treatment: false);
        return _likelihood.LogLikelihood(_cells, _expected.Reflex, _scratch);
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
