using System.Globalization;
using FunnelSim.Cluster;

namespace FunnelSim.Cli;

/// <summary>
/// Cluster progress on standard error: shards done / total, iterations per second, workers alive (and retries). On a
/// terminal one line rewritten in place; otherwise a line at most every few seconds and a last one at the end.
/// </summary>
internal sealed class ClusterProgressWriter(CliContext context) : IProgress<ClusterProgress>, IProgress<CalibrationProgress>
{
    private readonly Lock _lock = new();
    private DateTime _last = DateTime.MinValue;
    private string? _pending;
    private string? _written;
    private bool _open;

    public void Report(ClusterProgress value) => Show(Describe(value), value.ShardsDone >= value.Shards);

    /// <summary>A calibration's step; its last state is written by <see cref="Finish"/>.</summary>
    public void Report(CalibrationProgress value) => Show(Describe(value), false);

    private void Show(string line, bool done)
    {
        lock (_lock)
        {
            if (line == _written) return;
            _pending = line;
            var every = context.ErrorIsTerminal ? TimeSpan.FromSeconds(0.25) : TimeSpan.FromSeconds(2);
            if (DateTime.UtcNow - _last < every && !done) return;
            Write();
        }
    }

    /// <summary>Writes the last state if not yet shown and ends the line on a terminal.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_pending is not null) Write();
            if (_open) context.Error.WriteLine();
            _open = false;
        }
    }

    /// <summary><c>cluster: 12/40 shards, 1,200,000/4,000,000 iterations, 95,000 iterations/s, 2 workers alive</c></summary>
    public static string Describe(ClusterProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string workers = value.SilosAlive == 1 ? "worker" : "workers";
        string retries = value.Retries switch
        {
            0 => "",
            1 => ", 1 shard attempt retried",
            _ => string.Create(CultureInfo.InvariantCulture, $", {value.Retries} shard attempts retried"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"cluster: {value.ShardsDone:N0}/{value.Shards:N0} shards, {value.IterationsDone:N0}/{value.Iterations:N0} iterations, {value.IterationsPerSecond:N0} iterations/s, {value.SilosAlive} {workers} alive{retries}");
    }

    /// <summary><c>cluster: calibration stage 3 (power 0.214), 5/8 chunks of particles, 2 workers alive</c></summary>
    public static string Describe(CalibrationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string step = value.Stage == 0 ? "prior draws" : string.Create(CultureInfo.InvariantCulture, $"stage {value.Stage} (power {value.Power:0.000})");
        string workers = value.SilosAlive == 1 ? "worker" : "workers";
        string retries = value.Retries switch
        {
            0 => "",
            1 => ", 1 attempt retried",
            _ => string.Create(CultureInfo.InvariantCulture, $", {value.Retries} attempts retried"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"cluster: calibration {step}, {value.ChunksDone:N0}/{value.Chunks:N0} chunks of particles, {value.SilosAlive} {workers} alive{retries}");
    }

    private void Write()
    {
        _last = DateTime.UtcNow;
        _written = _pending;
        if (context.ErrorIsTerminal)
        {
            context.Error.Write("\r" + _pending + "\u001b[K");
            _open = true;
        }
        else
        {
            context.Error.WriteLine(_pending);
        }
        _pending = null;
    }
}
