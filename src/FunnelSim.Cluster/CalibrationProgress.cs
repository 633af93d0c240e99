namespace FunnelSim.Cluster;

/// <summary>How a calibration on a cluster is going: the sampler's step, and its chunks of particles done.</summary>
/// <param name="Stage">0 for the prior draws, then the tempering stage being moved (from 1).</param>
/// <param name="Power">The likelihood's power the stage moves to (0 for the prior draws).</param>
/// <param name="ChunksDone">Chunks of this step whose answer has arrived.</param>
/// <param name="Chunks">Chunks of this step.</param>
/// <param name="SilosAlive">Workers the cluster's membership counts as active.</param>
/// <param name="Retries">Attempts (at any chunk so far) that failed or timed out and were retried.</param>
public sealed record CalibrationProgress(int Stage, double Power, int ChunksDone, int Chunks, int SilosAlive, int Retries);
