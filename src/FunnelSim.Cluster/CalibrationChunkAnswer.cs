namespace FunnelSim.Cluster;

/// <summary>A worker's answer to a chunk of particles: their points and log-likelihoods after the work, and the moves accepted.</summary>
[GenerateSerializer, Immutable]
public sealed record CalibrationChunkAnswer
{
    /// <summary>The chunk's latent points (row-major).</summary>
    [Id(0)] public required double[] Points { get; init; }

    /// <summary>The chunk's log-likelihoods.</summary>
    [Id(1)] public required double[] LogLikelihoods { get; init; }

    /// <summary>Moves each particle accepted (empty for prior draws).</summary>
    [Id(2)] public required int[] Accepted { get; init; }

    /// <summary>The silo that did the work (for progress and tests).</summary>
    [Id(3)] public required string Silo { get; init; }
}
