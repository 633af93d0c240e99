namespace FunnelSim.Cluster;

/// <summary>
/// A chunk of a calibration's particles, as sent to a worker: everything it needs to draw them from the prior or move them
/// one stage (<c>FunnelSim.Calibration.ParticleWork</c>), nothing it could disagree on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CalibrationChunkWork
{
    /// <summary>The scenario (the prior) in canonical JSON.</summary>
    [Id(0)] public required string ScenarioJson { get; init; }

    /// <summary>The observed counts, in the order given.</summary>
    [Id(1)] public required ObservationWire[] Observations { get; init; }

    /// <summary>The seed of every random stream.</summary>
    [Id(2)] public required ulong Seed { get; init; }

    /// <summary>The chunk's first particle.</summary>
    [Id(3)] public required int First { get; init; }

    /// <summary>Particles in the chunk.</summary>
    [Id(4)] public required int Count { get; init; }

    /// <summary>
    /// The stage's moves (particles in all, stage, power, proposal factor, scale, steps); null to draw the particles from the
    /// prior.
    /// </summary>
    [Id(5)] public MovesWire? Moves { get; init; }

    /// <summary>For moves: the chunk's latent points (row-major) before the stage.</summary>
    [Id(6)] public double[] Points { get; init; } = [];

    /// <summary>For moves: the chunk's log-likelihoods before the stage.</summary>
    [Id(7)] public double[] LogLikelihoods { get; init; } = [];

    /// <summary>Threads on the worker (0: all its cores).</summary>
    [Id(8)] public int Threads { get; init; }
}

/// <summary>One stage's moves, as sent to a worker (<c>FunnelSim.Calibration.ParticleMoves</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record MovesWire
{
    /// <summary>Particles in all.</summary>
    [Id(0)] public required int Particles { get; init; }

    /// <summary>The stage, from 0.</summary>
    [Id(1)] public required int Stage { get; init; }

    /// <summary>The likelihood's power.</summary>
    [Id(2)] public required double Power { get; init; }

    /// <summary>Lower Cholesky factor of the proposal's covariance, row-major.</summary>
    [Id(3)] public required double[] ProposalFactor { get; init; }

    /// <summary>The proposal's scale.</summary>
    [Id(4)] public required double Scale { get; init; }

    /// <summary>Steps per particle.</summary>
    [Id(5)] public required int Moves { get; init; }
}
