namespace FunnelSim.Cluster;

/// <summary>
/// A worker's cores, handed to the shards it runs: a shard starts only when the threads it runs on are free. The
/// coordinator keeps more shards in flight than a worker can run (so the next one is already there when one ends); the
/// extra ones wait here instead of sharing the cores, which would make both slower (two shards' histograms competing for
/// one core's cache cost about a third more CPU than running them one after the other).
/// </summary>
internal sealed class CoreGate
{
    private readonly int _cores = Math.Max(1, Environment.ProcessorCount);
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public CoreGate() => _free = new SemaphoreSlim(_cores, _cores);

    /// <summary>
    /// Waits until <paramref name="threads"/> cores (0: all of them) are free and takes them; disposing the lease gives them back.
    /// </summary>
    public async Task<IDisposable> Take(int threads, CancellationToken cancellationToken)
    {
        int wanted = threads <= 0 ? _cores : Math.Min(threads, _cores);
        // One shard takes its cores at a time, so two half-served shards can never wait on each other.
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        int taken = 0;
        try
        {
            for (; taken < wanted; taken++) await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (taken > 0) _free.Release(taken);
            throw;
        }
        finally
        {
            _turn.Release();
        }
        return new Lease(_free, wanted);
    }

    /// <summary>
    /// Runs <paramref name="work"/> once <paramref name="threads"/> cores are free (<see cref="Take"/>), on a thread of its
    /// own: the engine is synchronous and CPU-bound for seconds, so it runs as a single-process run's workers do, off the
    /// grain's scheduler (the silo keeps answering membership probes and calls) and off the thread pool (a pool thread held
    /// that long makes the pool start more threads, which then compete for the cores).
    /// </summary>
    public async Task<T> Run<T>(int threads, Func<T> work, CancellationToken cancellationToken)
    {
        using var lease = await Take(threads, cancellationToken).ConfigureAwait(false);
        return await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
    }

    private sealed class Lease(SemaphoreSlim free, int cores) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) free.Release(cores);
        }
    }
}
