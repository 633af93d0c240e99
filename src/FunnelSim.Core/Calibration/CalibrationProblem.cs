using FunnelSim.Compilation;

namespace FunnelSim.Calibration;

/// <summary>
/// What a calibration evaluates, built once from the model, the observations and the seed: which observations have an exact
/// likelihood and which are scored by simulation, the inputs the observations depend on and the prior over them. Immutable
/// and shared by threads. Built the same way on any machine from the same scenario, observations and seed (a cluster's
/// workers build their own), so the same particles give the same log-likelihoods everywhere.
/// </summary>
public sealed class CalibrationProblem
{
    private CalibrationProblem(CompiledModel model, IReadOnlyList<Observation> observations, ulong seed)
    {
        Model = model;
        Observations = observations;
        Seed = seed;
        (Exact, Simulated) = SimulatedLikelihood.Split(model, observations);
        Likelihood = CountLikelihood.Build(model, Exact);
        Simulation = SimulatedLikelihood.Build(model, Exact, Simulated, seed);
        var informed = Calibrator.Informed(model, observations);
        Prior = new PriorSpace(model, slot => informed.Contains(slot.Path));
    }

    /// <summary>
    /// The problem of calibrating <paramref name="model"/> to <paramref name="observations"/> (checked by
    /// <see cref="ObservedCounts"/>) with every random stream keyed by <paramref name="seed"/>.
    /// </summary>
    public static CalibrationProblem Build(CompiledModel model, IReadOnlyList<Observation> observations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        return new CalibrationProblem(model, observations, seed);
    }

    /// <summary>The scenario's compiled model: the prior.</summary>
    public CompiledModel Model { get; }

    /// <summary>The observed counts, in the order given.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>The seed of every random stream.</summary>
    public ulong Seed { get; }

    /// <summary>Latent dimensions of a particle: the uncertain inputs the observations depend on.</summary>
    public int Dimensions => Prior.Dimensions;

    internal Observation[] Exact { get; }

    internal Observation[] Simulated { get; }

    internal CountLikelihood Likelihood { get; }

    internal SimulatedLikelihood? Simulation { get; }

    internal PriorSpace Prior { get; }

    /// <summary>A likelihood evaluator with its own scratch buffers (one per thread).</summary>
    internal LikelihoodEvaluator NewEvaluator() => new(Model, Prior, Likelihood, Simulation);
}
