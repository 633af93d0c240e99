namespace FunnelSim.Calibration;

/// <summary>
/// Where the tempered sampler's per-particle work runs (drawing the particles from the prior, each stage's moves): on this
/// machine's cores (<see cref="LocalParticleMover"/>) or elsewhere, such as a cluster's workers. Whatever runs it must give
/// what <see cref="ParticleWork"/> gives, bit for bit, so the calibration does not depend on where it ran.
/// </summary>
public interface IParticleMover
{
    /// <summary>
    /// Draws every particle from the prior (<see cref="ParticleWork.Initialise"/> from particle 0): its latent point, row-major
    /// into <paramref name="points"/>, and its log-likelihood into <paramref name="logLikelihoods"/> (one per particle).
    /// </summary>
    void Initialise(double[] points, double[] logLikelihoods, CancellationToken cancellationToken);

    /// <summary>
    /// One stage's moves of every particle (<see cref="ParticleWork.Move"/> from particle 0), in place; the moves each particle
    /// accepted into <paramref name="accepted"/>.
    /// </summary>
    void Move(ParticleMoves moves, double[] points, double[] logLikelihoods, int[] accepted, CancellationToken cancellationToken);
}
