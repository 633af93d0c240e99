using System.Runtime.ExceptionServices;

namespace FunnelSim.Analysis;

/// <summary>
/// Runs a library call that takes no cancellation token (an ML.NET fit) so that cancelling still returns at once: the
/// call runs on its own thread, is asked to stop through <c>onCancel</c> where the library allows it, and is otherwise
/// left to finish unobserved while the caller gets its <see cref="OperationCanceledException"/>.
/// </summary>
internal static class Interruptible
{
    public static T Run<T>(Func<T> work, CancellationToken cancellationToken, Action? onCancel = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            task.Wait(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            onCancel?.Invoke();
            // Observe the abandoned call's eventual failure, so it is not reported as unobserved.
            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return task.Result;
    }
}
