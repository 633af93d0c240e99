namespace FunnelSim.Cluster;

/// <summary>
/// Draws or moves one chunk of a calibration's particles. Keyed by a string that is new for every attempt
/// (<c>calibration/stage/chunk/attempt</c>), so a retry never waits on the activation of a dead silo.
/// </summary>
public interface ICalibrationGrain : IGrainWithStringKey
{
    /// <summary>Does <paramref name="work"/>; cancelling <paramref name="cancellationToken"/> stops it on the worker.</summary>
    Task<CalibrationChunkAnswer> Run(CalibrationChunkWork work, CancellationToken cancellationToken);
}
