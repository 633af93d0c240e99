namespace FunnelSim.Tests.Ui;

/// <summary>
/// Waits for background work to complete however long a loaded machine takes: no test depends on wall-clock speed.
/// The only bound is a hang guard far beyond any run the tests start; when it trips, the failure names what did not finish.
/// </summary>
internal static class BackgroundWork
{
    /// <summary>Long enough for any test's run on a machine shared by many builds; only a hang reaches it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    /// <summary>Waits until every named task has completed (successfully, cancelled or failed: the caller reads the outcome).</summary>
    public static void WaitAll(params (string What, Task Task)[] work)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        foreach (var (what, task) in work)
        {
            try
            {
                task.Wait(guard.Token);
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not finish within {HangGuard.TotalMinutes:0} minutes (a hang, not a slow machine)");
            }
            catch (AggregateException)
            {
                // Completed with a fault or cancellation: what it posted (or did not) is the test's to judge.
            }
        }
    }
}
