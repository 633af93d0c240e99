namespace FunnelSim.Calibration;

/// <summary>The sampler's per-particle work on this machine's cores.</summary>
/// <param name="problem">What is calibrated.</param>
/// <param name="threads">Threads (the result does not depend on them).</param>
public sealed class LocalParticleMover(CalibrationProblem problem, int threads) : IParticleMover
{
    /// <inheritdoc />
    public void Initialise(double[] points, double[] logLikelihoods, CancellationToken cancellationToken) =>
        ParticleWork.Initialise(problem, 0, points, logLikelihoods, threads, cancellationToken);

    /// <inheritdoc />
    public void Move(ParticleMoves moves, double[] points, double[] logLikelihoods, int[] accepted, CancellationToken cancellationToken) =>
        ParticleWork.Move(problem, moves, 0, points, logLikelihoods, accepted, threads, cancellationToken);
}
