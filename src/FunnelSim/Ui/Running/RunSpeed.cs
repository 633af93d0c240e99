using FunnelSim.Engine;

namespace FunnelSim.Ui.Running;

/// <summary>Iterations done, iterations per second and time left of a running simulation.</summary>
public sealed class RunSpeed(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    /// <summary>Progress so far.</summary>
    public RunProgress Progress { get; private set; }

    /// <summary>Iterations per second since the start.</summary>
    public double IterationsPerSecond { get; private set; }

    /// <summary>Estimated time left at the current speed; null before anything is done.</summary>
    public TimeSpan? TimeLeft { get; private set; }

    /// <summary>Records a progress report.</summary>
    public void Update(RunProgress progress)
    {
        Progress = progress;
        double seconds = Math.Max(time.GetElapsedTime(_started).TotalSeconds, 1e-3);
        IterationsPerSecond = progress.Done / seconds;
        TimeLeft = progress.Done > 0 ? TimeSpan.FromSeconds((progress.Total - progress.Done) / IterationsPerSecond) : null;
    }
}
