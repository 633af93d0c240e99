using FunnelSim.Calibration;
using FunnelSim.Compilation;

namespace FunnelSim.Cluster;

/// <summary>A calibration whose per-particle work runs on a cluster, and how its steps are split into chunks of particles.</summary>
public static class ClusterCalibration
{
    /// <summary>Particles per chunk aimed at: with simulated counts, seconds of one core per stage.</summary>
    public const int ParticlesPerChunk = 100;

    /// <summary>At least this many chunks per live worker, so the work evens out and a lost worker costs little.</summary>
    public const int ChunksPerWorker = 4;

    /// <summary>
    /// Calibrates <paramref name="model"/> to <paramref name="observations"/> with the sampler's per-particle work (the
    /// likelihoods of the prior draws, every stage's moves) on the workers of <paramref name="coordinator"/>, and the rest
    /// (reweighting, resampling, the predictive checks on <see cref="CalibrationOptions.Threads"/> threads) here: the result of
    /// <see cref="Calibrator.Run(CompiledModel, IReadOnlyList{Observation}, CalibrationOptions, IProgress{double}?, CancellationToken)"/>,
    /// bit for bit. Blocks until done. Throws <see cref="ClusterUnavailableException"/> when a chunk failed on every attempt or
    /// no worker answers, <see cref="OperationCanceledException"/> when cancelled (the work in flight is cancelled on its
    /// worker), and <see cref="CalibrationException"/> as the local calibration does.
    /// </summary>
    public static CalibrationResult Run(ClusterCoordinator coordinator, CompiledModel model, IReadOnlyList<Observation> observations,
        CalibrationOptions options, IProgress<CalibrationProgress>? progress = null, IProgress<double>? stages = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(options);
        var problem = CalibrationProblem.Build(model, observations, options.Seed);
        return Calibrator.Run(problem, options, new ClusterParticleMover(coordinator, problem, progress), stages, cancellationToken);
    }

    /// <summary>
    /// Chunks for one step of <paramref name="particles"/> particles: about <see cref="ParticlesPerChunk"/> each and at least
    /// <see cref="ChunksPerWorker"/> per live worker, never more than the particles.
    /// </summary>
    public static int ChunkCount(int particles, int silos)
    {
        int byLength = (int)(((long)particles + ParticlesPerChunk - 1) / ParticlesPerChunk);
        long chunks = Math.Max(byLength, (long)Math.Max(silos, 1) * ChunksPerWorker);
        return (int)Math.Clamp(chunks, 1, Math.Max(1, particles));
    }
}
