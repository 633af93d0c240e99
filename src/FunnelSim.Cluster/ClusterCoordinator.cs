using System.Diagnostics;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Shards;
using Orleans.Runtime.Placement;

namespace FunnelSim.Cluster;

/// <summary>
/// Hands the shards of runs to the workers of a cluster and merges each run's partials in shard order, so every result is
/// bit-identical to the single-process run (and, through <see cref="RunPieces"/> and <see cref="Call"/>, other pieces of
/// work: the chunks of particles of a calibration, <see cref="ClusterParticleMover"/>). Several runs may be in progress at once (a batch, a sweep): their shards
/// share the cluster's slots, first come first served. Each attempt at a shard is placed on the live worker with the fewest
/// attempts in flight; a failed, timed-out or orphaned attempt (its worker left the cluster) is retried with backoff on
/// another worker; partials are kept by shard index, so a late duplicate is dropped, never added twice. When no worker has
/// answered for <see cref="ClusterRunOptions.AnswerTimeout"/>, every run fails with <see cref="ClusterUnavailableException"/>.
/// </summary>
public sealed class ClusterCoordinator : IAsyncDisposable
{
    private static readonly TimeSpan MonitorPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SuspectFor = TimeSpan.FromSeconds(15);

    private readonly IClusterClient _client;
    private readonly ClusterRunOptions _options;
    private readonly IProgress<ClusterProgress>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, int> _inFlight = [];
    private readonly Dictionary<SiloAddress, TimeSpan> _failedAt = [];
    private readonly HashSet<Attempt> _attempts = [];
    private readonly SemaphoreSlim _slots = new(0);
    private Timer? _monitor;
    private string? _lostReason;
    private TimeSpan _lastAnswer;
    private int _capacity, _monitoring, _runs, _shards, _shardsDone, _retries;
    private long _iterations, _iterationsDone, _lastShardDoneTicks;

    private ClusterCoordinator(IClusterClient client, ClusterRunOptions options, IProgress<ClusterProgress>? progress)
    {
        _client = client;
        _options = options;
        _progress = progress;
    }

    /// <summary>
    /// A coordinator for the cluster behind <paramref name="client"/>. Throws <see cref="ClusterUnavailableException"/> when
    /// no worker answers within <see cref="ClusterRunOptions.AnswerTimeout"/>.
    /// </summary>
    public static async Task<ClusterCoordinator> StartAsync(IClusterClient client, ClusterRunOptions options,
        IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var coordinator = new ClusterCoordinator(client, options, progress);
        var deadline = DateTime.UtcNow + options.AnswerTimeout;
        Exception? last = null;
        while (coordinator.SilosAlive == 0)
        {
            try
            {
                await coordinator.RefreshSilos(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = e;
            }
            if (coordinator.SilosAlive > 0) break;
            if (DateTime.UtcNow >= deadline)
            {
                await coordinator.DisposeAsync().ConfigureAwait(false);
                throw new ClusterUnavailableException(
                    $"no FunnelSim worker answered within {options.AnswerTimeout.TotalSeconds:0.#} s" +
                    (last is null ? "" : $": {ClusterHosting.First(last)}"), last ?? new TimeoutException());
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
        coordinator._monitor = new Timer(_ => _ = coordinator.Monitor(), null, MonitorPeriod, MonitorPeriod);
        return coordinator;
    }

    /// <summary>Workers the cluster's membership counts as active, as last seen.</summary>
    public int SilosAlive
    {
        get
        {
            lock (_lock) return _inFlight.Count;
        }
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> (its iterations and seed) on the cluster for <paramref name="command"/> (<c>run</c> or
    /// <c>budget</c>). Throws <see cref="OperationCanceledException"/> when cancelled (every attempt in flight is cancelled on its
    /// worker) and <see cref="ClusterUnavailableException"/> when a shard failed on every attempt or no worker answers.
    /// </summary>
    public async Task<MergeOutcome> RunAsync(Scenario scenario, string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(command);
        ThrowIfLost();
        long total = scenario.Simulation.Iterations;
        int shards = ClusterRun.ShardCount(total, Math.Max(SilosAlive, 1), _options);
        string json = ScenarioWriter.Write(scenario);
        string run = Guid.NewGuid().ToString("N");
        // Merged in shard order as they arrive (early ones wait for their turn), so the run's partials are never all held.
        var merger = new PartialMerger();
        var arrived = new bool[shards];
        IReadOnlyList<string> refused = [];
        Interlocked.Add(ref _shards, shards);
        Interlocked.Add(ref _iterations, total);

        async Task One(int k, CancellationToken token)
        {
            var work = new ShardWork { ScenarioJson = json, Command = command, Index = k, Count = shards, Threads = _options.ThreadsPerShard };
            var partial = await Call($"{run}/{k}", $"shard {k}/{shards}",
                (grain, limit) => _client.GetGrain<IShardGrain>(grain).Run(work, limit), answer => PartialOf(answer, work), token)
                .ConfigureAwait(false);
            // Kept by shard index: an answer for a shard already in is a duplicate and is dropped.
            bool first;
            lock (merger)
            {
                first = !arrived[k];
                arrived[k] = true;
                if (first && refused.Count == 0) refused = merger.Add(new NamedPartial($"shard {k}/{shards}", partial));
            }
            if (first)
            {
                Interlocked.Increment(ref _shardsDone);
                Interlocked.Add(ref _iterationsDone, partial.Shard.Iterations(total));
                Interlocked.Exchange(ref _lastShardDoneTicks, _clock.Elapsed.Ticks);
            }
            Report();
        }

        await RunPieces(shards, One, cancellationToken).ConfigureAwait(false);
        Report();
        return refused.Count > 0 ? new MergeOutcome(null, null, refused) : merger.Complete();
    }

    private static PartialResult PartialOf(ShardAnswer answer, ShardWork work)
    {
        var read = PartialBinary.Read(answer.Partial);
        return read.Partial is { } partial && partial.Shard.Index == work.Index && partial.Shard.Count == work.Count
            ? partial
            : throw new InvalidOperationException(read.Error ?? $"the worker answered with shard {read.Partial?.Shard} instead");
    }

    /// <summary>Grains of the cluster, for the calls of <see cref="Call"/>.</summary>
    internal IGrainFactory Grains => _client;

    /// <summary>The options the pieces run with.</summary>
    internal ClusterRunOptions Options => _options;

    /// <summary>Attempts that failed or timed out and were retried, over every job so far.</summary>
    internal int Retries => Volatile.Read(ref _retries);

    /// <summary>
    /// Runs the <paramref name="count"/> pieces of one job (the shards of a run, the chunks of particles of a calibration
    /// stage), each once a slot of the cluster is free: pieces of jobs in progress together share the slots, first come first
    /// served. The first piece to fail cancels the others. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled and <see cref="ClusterUnavailableException"/> when a piece failed
    /// (on every attempt) or no worker answers.
    /// </summary>
    internal async Task RunPieces(int count, Func<int, CancellationToken, Task> piece, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        Interlocked.Increment(ref _runs);
        using var job = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
        Exception? failure = null;

        async Task One(int k)
        {
            bool acquired = false;
            try
            {
                await _slots.WaitAsync(job.Token).ConfigureAwait(false);
                acquired = true;
                await piece(k, job.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !job.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                await job.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                if (acquired) _slots.Release();
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(One)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Why is decided below: Ctrl+C, no worker answering, or a piece that failed on every attempt.
        }
        finally
        {
            Interlocked.Decrement(ref _runs);
        }
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfLost();
        if (failure is not null)
            throw failure as ClusterUnavailableException ?? new ClusterUnavailableException(ClusterHosting.First(failure), failure);
    }

    /// <summary>
    /// One piece of work on some worker: <paramref name="call"/> (given a grain key new for every attempt,
    /// <c><paramref name="key"/>/attempt</c>, and the attempt's token) and <paramref name="read"/> of its answer (which throws
    /// when the answer is not the one asked for). An attempt that fails, takes longer than
    /// <see cref="ClusterRunOptions.ShardTimeout"/> or whose worker leaves the cluster is retried on another worker after a
    /// backoff; after <see cref="ClusterRunOptions.Attempts"/> the piece fails with <see cref="ClusterUnavailableException"/>,
    /// naming <paramref name="name"/> and the last error.
    /// </summary>
    internal async Task<TResult> Call<TAnswer, TResult>(string key, string name, Func<string, CancellationToken, Task<TAnswer>> call,
        Func<TAnswer, TResult> read, CancellationToken cancellationToken)
    {
        var avoid = new HashSet<SiloAddress>();
        Exception? last = null;
        for (int attempt = 0; attempt < _options.Attempts; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
                double factor = Math.Pow(2, attempt - 1);
                var backoff = TimeSpan.FromTicks((long)Math.Min(_options.MaxBackoff.Ticks, _options.FirstBackoff.Ticks * factor));
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_options.ShardTimeout);
            var current = Begin(avoid, limit);
            bool failed = true;
            try
            {
                if (current.Silo is not null) RequestContext.Set(IPlacementDirector.PlacementHintKey, current.Silo);
                var answer = await call($"{key}/{attempt}", limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
                MarkAnswer();
                var result = read(answer);
                failed = false;
                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                failed = false;
                throw;
            }
            catch (OperationCanceledException e)
            {
                last = current.Orphaned
                    ? new TimeoutException($"its worker {current.Silo} left the cluster", e)
                    : new TimeoutException($"no answer within {_options.ShardTimeout.TotalSeconds:0.#} s", e);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                last = e;
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                End(current, failed);
                if (failed && current.Silo is not null) avoid.Add(current.Silo);
            }
        }
        throw new ClusterUnavailableException(
            $"{name} failed on all {_options.Attempts} attempts; last: {(last is null ? "?" : ClusterHosting.First(last))}",
            last ?? new InvalidOperationException());
    }

    /// <summary>An attempt on the live worker with the fewest in flight, preferring workers that have not just failed.</summary>
    private Attempt Begin(HashSet<SiloAddress> avoid, CancellationTokenSource limit)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            var silos = _inFlight.Keys.Where(s => !avoid.Contains(s)).ToList();
            if (silos.Count == 0) silos = [.. _inFlight.Keys];
            var healthy = silos.Where(s => !_failedAt.TryGetValue(s, out var at) || now - at > SuspectFor).ToList();
            if (healthy.Count > 0) silos = healthy;
            SiloAddress? chosen = null;
            if (silos.Count > 0)
            {
                int least = silos.Min(s => _inFlight[s]);
                var best = silos.Where(s => _inFlight[s] == least).ToList();
                chosen = best[Random.Shared.Next(best.Count)];
                _inFlight[chosen]++;
            }
            var attempt = new Attempt(chosen, limit);
            _attempts.Add(attempt);
            return attempt;
        }
    }

    private void End(Attempt attempt, bool failed)
    {
        lock (_lock)
        {
            _attempts.Remove(attempt);
            if (attempt.Silo is null) return;
            if (_inFlight.TryGetValue(attempt.Silo, out int n)) _inFlight[attempt.Silo] = Math.Max(0, n - 1);
            if (failed) _failedAt[attempt.Silo] = _clock.Elapsed;
        }
    }

    private void MarkAnswer()
    {
        lock (_lock) _lastAnswer = _clock.Elapsed;
    }

    /// <summary>Reads the live workers; attempts on a worker that left the cluster are cancelled at once (and retried).</summary>
    private async Task RefreshSilos(CancellationToken cancellationToken)
    {
        var hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
            .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        var orphaned = new List<Attempt>();
        lock (_lock)
        {
            _lastAnswer = _clock.Elapsed;
            foreach (var silo in hosts.Keys) _inFlight.TryAdd(silo, 0);
            foreach (var gone in _inFlight.Keys.Where(s => !hosts.ContainsKey(s)).ToList())
            {
                _inFlight.Remove(gone);
                orphaned.AddRange(_attempts.Where(a => gone.Equals(a.Silo)));
            }
            int capacity = Math.Max(2, _inFlight.Count * _options.InFlightPerWorker);
            if (capacity > _capacity)
            {
                _slots.Release(capacity - _capacity);
                _capacity = capacity;
            }
        }
        foreach (var attempt in orphaned) attempt.Orphan();
    }

    private async Task Monitor()
    {
        if (Interlocked.Exchange(ref _monitoring, 1) == 1) return;
        try
        {
            try
            {
                await RefreshSilos(_lost.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // No answer this time; the answer timeout below decides when that becomes an error.
            }
            TimeSpan silent;
            lock (_lock) silent = _clock.Elapsed - _lastAnswer;
            if (Volatile.Read(ref _runs) > 0 && silent > _options.AnswerTimeout && !_lost.IsCancellationRequested)
            {
                _lostReason = $"no FunnelSim worker has answered for {_options.AnswerTimeout.TotalSeconds:0.#} s " +
                              "(answerTimeoutSeconds): the workers stopped or cannot be reached";
                await _lost.CancelAsync().ConfigureAwait(false);
            }
            Report();
        }
        catch (ObjectDisposedException)
        {
            // The coordinator was disposed while this tick ran.
        }
        finally
        {
            Volatile.Write(ref _monitoring, 0);
        }
    }

    private void ThrowIfLost()
    {
        if (_lost.IsCancellationRequested) throw new ClusterUnavailableException(_lostReason ?? "the cluster was lost");
    }

    private void Report()
    {
        if (_progress is null) return;
        long done = Interlocked.Read(ref _iterationsDone);
        int shardsDone = Volatile.Read(ref _shardsDone), shards = Volatile.Read(ref _shards);
        // Once every shard handed out is in, the rate is that of the work done (it stops falling while the coordinator waits).
        var elapsed = shardsDone == shards ? TimeSpan.FromTicks(Interlocked.Read(ref _lastShardDoneTicks)) : _clock.Elapsed;
        _progress.Report(new ClusterProgress(shardsDone, shards, done, Interlocked.Read(ref _iterations),
            done / Math.Max(elapsed.TotalSeconds, 1e-9), SilosAlive, Volatile.Read(ref _retries)));
    }

    /// <summary>Stops watching the cluster. Runs still in progress are not cancelled: cancel their tokens first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_monitor is not null) await _monitor.DisposeAsync().ConfigureAwait(false);
        _lost.Dispose();
        _slots.Dispose();
    }

    private sealed class Attempt(SiloAddress? silo, CancellationTokenSource limit)
    {
        public SiloAddress? Silo { get; } = silo;

        public bool Orphaned { get; private set; }

        public void Orphan()
        {
            Orphaned = true;
            try
            {
                limit.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt ended meanwhile.
            }
        }
    }
}
