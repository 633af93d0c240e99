namespace FunnelSim.Engine;

/// <summary>
/// Hands a run's iterations to workers in fixed blocks. Every iteration has its own random streams and every
/// summary is an exact integer reduction, so neither the split nor the thread count can change a result.
/// </summary>
internal static class BlockScheduler
{
    /// <summary>Iterations per block: small enough for even load and timely progress, large enough to be cheap.</summary>
    public const int BlockSize = 2048;

    /// <summary>
    /// Runs <paramref name="iterations"/> iterations on up to <paramref name="threads"/> workers made by
    /// <paramref name="create"/>; <paramref name="run"/> gets a worker, the first iteration and the count.
    /// Returns the workers (at least one) for the caller to merge in index order.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static TWorker[] Run<TWorker>(long iterations, int threads, Func<TWorker> create, Action<TWorker, long, long> run,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), "at least one iteration");
        long blocks = (iterations + BlockSize - 1) / BlockSize;
        return RunPieces(blocks, iterations, threads, create, (worker, block) =>
        {
            long first = block * BlockSize;
            long count = Math.Min(BlockSize, iterations - first);
            run(worker, first, count);
            return count;
        }, progress, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="pieces"/> independent pieces of work on up to <paramref name="threads"/> workers, each
    /// taking the next piece as it finishes one; <paramref name="runPiece"/> returns how many units of
    /// <paramref name="progressTotal"/> the piece did. Returns the workers (at least one) for merging in index order.
    /// </summary>
    public static TWorker[] RunPieces<TWorker>(long pieces, long progressTotal, int threads, Func<TWorker> create,
        Func<TWorker, long, long> runPiece, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        int workers = (int)Math.Clamp(pieces, 1, Math.Max(threads, 1));
        var created = new TWorker[workers];
        long next = -1, done = 0;

        void Work(int worker)
        {
            var state = created[worker] = create();
            long piece;
            while ((piece = Interlocked.Increment(ref next)) < pieces)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long finished = Interlocked.Add(ref done, runPiece(state, piece));
                progress?.Report(new RunProgress(finished, progressTotal));
            }
        }

        if (workers == 1)
        {
            Work(0);
        }
        else
        {
            var tasks = new Task[workers];
            for (int w = 0; w < workers; w++)
            {
                int worker = w;
                tasks[w] = Task.Factory.StartNew(() => Work(worker), cancellationToken,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            try
            {
                // Not cancelled by the token: the workers see it between blocks, and none is left running on return.
                Task.WaitAll(tasks, CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<SimulationLimitException>().FirstOrDefault() is { } limit)
            {
                // A size limit met on one worker is the run's answer, whatever thread met it.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(limit).Throw();
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return created;
    }
}
