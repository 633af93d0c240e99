namespace FunnelSim.Calibration;

/// <summary>
/// One stage's move phase of the tempered sampler: what every particle's random-walk Metropolis steps need besides its own
/// point and log-likelihood.
/// </summary>
/// <param name="Particles">Particles in all (with <paramref name="Stage"/>, the key of each particle's random stream).</param>
/// <param name="Stage">The stage, from 0.</param>
/// <param name="Power">The likelihood's power the moves target.</param>
/// <param name="ProposalFactor">Lower Cholesky factor of the proposal's covariance, row-major d × d.</param>
/// <param name="Scale">The proposal's scale.</param>
/// <param name="Moves">Steps per particle.</param>
public sealed record ParticleMoves(int Particles, int Stage, double Power, double[] ProposalFactor, double Scale, int Moves);
