using FunnelSim.Engine;

namespace FunnelSim.Export;

/// <summary>
/// Puts the blocks of draws that workers finish out of order back in iteration order and hands them to the file writer.
/// The worker that completes the next block to be written becomes the writer until no next block is waiting; a worker
/// that completes a later block leaves it waiting and goes on, unless more than <see cref="Bound"/> blocks already wait,
/// in which case it waits for the writer. So memory is bounded (about <c>2 × threads + bound + 1</c> blocks), and the file
/// is the same bytes whatever the thread count: its rows and row groups depend only on the blocks' iterations.
/// </summary>
internal sealed class DrawsSequencer(DrawColumns columns, DrawsWriter writer, int bound, CancellationToken cancellationToken)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<long, DrawBlock> _waiting = [];
    private readonly Stack<DrawBlock> _free = new();
    private long _next;          // the first iteration of the next block to write
    private bool _writing;       // a worker is writing
    private bool _stopped;       // a worker failed: nothing more is written

    /// <summary>Completed blocks that may wait for their turn before a worker completing another one waits too.</summary>
    public int Bound { get; } = Math.Max(1, bound);

    /// <summary>Iterations written so far.</summary>
    public long Written
    {
        get
        {
            lock (_lock) return _next;
        }
    }

    /// <summary>A recorder for one worker.</summary>
    public IterationObserver CreateRecorder() => new DrawsRecorder(columns, this);

    /// <summary>An empty block for <paramref name="count"/> iterations from <paramref name="first"/>.</summary>
    public DrawBlock Rent(long first, long count)
    {
        DrawBlock? block = null;
        lock (_lock)
        {
            while (_free.Count > 0 && block is null)
            {
                var candidate = _free.Pop();
                if (candidate.Capacity >= count) block = candidate;
            }
        }
        block ??= new DrawBlock(columns, (int)Math.Max(count, BlockScheduler.BlockSize));
        block.First = first;
        block.Count = 0;
        return block;
    }

    /// <summary>A worker finished <paramref name="block"/>: write it (and any that follow it) when it is next, else let it wait.</summary>
    public void Complete(DrawBlock block)
    {
        lock (_lock)
        {
            ThrowIfStopped();
            _waiting.Add(block.First, block);
            if (_writing || block.First != _next)
            {
                while (_waiting.Count > Bound && !_stopped)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Woken by the writer after each block; the timeout only bounds how late a cancellation is seen.
                    Monitor.Wait(_lock, 100);
                }
                ThrowIfStopped();
                return;
            }
            _writing = true;
        }
        WriteInOrder();
    }

    /// <summary>A worker failed mid-block: stop writing and release every waiting worker.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
            Monitor.PulseAll(_lock);
        }
    }

    private void WriteInOrder()
    {
        try
        {
            while (true)
            {
                DrawBlock? block;
                lock (_lock)
                {
                    ThrowIfStopped();
                    if (!_waiting.Remove(_next, out block))
                    {
                        _writing = false;
                        return;
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(block);
                lock (_lock)
                {
                    _next += block.Count;
                    _free.Push(block);
                    Monitor.PulseAll(_lock);
                }
            }
        }
        catch
        {
            Stop();
            throw;
        }
    }

    private void ThrowIfStopped()
    {
        if (_stopped) throw new OperationCanceledException("another worker failed; the draws are not written");
    }
}
