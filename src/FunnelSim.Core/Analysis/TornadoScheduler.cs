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
        // Progress counts model evaluations: an input's piece evaluates each iteration twice (low and high).
        long total = iterations * (2L * evaluations - 1);
        return BlockScheduler.RunPieces(evaluations * blocks, total, threads, create, (state, piece) =>
        {
            int evaluation = (int)(piece / blocks);
            long first = piece % blocks * BlockSize;
            long count = Math.Min(BlockSize, iterations - first);
            state.Run(evaluation, first, count);
            return evaluation == 0 ? count : 2 * count;
        }, progress, cancellationToken);
    }
}
