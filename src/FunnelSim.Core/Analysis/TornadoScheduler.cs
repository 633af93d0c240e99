using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// Hands a tornado's work to threads as (evaluation, block of iterations) pieces, so even a short tornado keeps every
/// core busy. Each worker keeps exact integer sums; merged in worker order they give the same bits for any thread count.
/// </summary>
internal static class TornadoScheduler
{
    /// <summary>Iterations per piece: small, because a tornado runs few iterations per evaluation.</summary>
    public const int BlockSize = 250;

    public static TornadoWorker[] Run(int evaluations, long iterations, int threads, Func<TornadoWorker> create,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        long blocks = (iterations + BlockSize - 1) / BlockSize;
        long pieces = evaluations * blocks;
        // Progress counts model evaluations: an input's piece evaluates each iteration twice (low and high).
        long total = iterations * (2L * evaluations - 1);
        int workers = (int)Math.Clamp(pieces, 1, Math.Max(threads, 1));
        var created = new TornadoWorker[workers];
        long next = -1, done = 0;

        void Work(int worker)
        {
            var state = created[worker] = create();
            long piece;
            while ((piece = Interlocked.Increment(ref next)) < pieces)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int evaluation = (int)(piece / blocks);
                long first = piece % blocks * BlockSize;
                long count = Math.Min(BlockSize, iterations - first);
                state.Run(evaluation, first, count);
                long finished = Interlocked.Add(ref done, evaluation == 0 ? count : 2 * count);
                progress?.Report(new RunProgress(finished, total));
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
                tasks[w] = Task.Factory.StartNew(() => Work(worker), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return created;
    }
}
