using System.Runtime.InteropServices;

namespace FunnelSim.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the running command through <see cref="Token"/>; the process then exits with
/// 128 + the signal's number (130, 143), as shells report a process ended by it. Output files are written only after a
/// run completes (and atomically), so either signal leaves no partial file. A phase that does not watch the token yet
/// gets <see cref="Grace"/> to finish; then the process exits anyway, and a second signal ends it at once.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>How long a cancelled command may take to stop before the process exits without it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private volatile bool _disposed;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode = ExitCodes.Cancelled;

    private TerminationSignals()
    {
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The exit code for the signal that cancelled the run (130 when none did).</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Listens for SIGINT and SIGTERM until disposed.</summary>
    public static TerminationSignals Listen()
    {
        var signals = new TerminationSignals();
        signals.Register(PosixSignal.SIGINT, ExitCodes.Cancelled);
        if (!OperatingSystem.IsWindows()) signals.Register(PosixSignal.SIGTERM, ExitCodes.Terminated);
        return signals;
    }

    /// <summary>Signals that never come unless <see cref="Raise"/> is called (tests).</summary>
    public static TerminationSignals Manual() => new();

    /// <summary>As if the process received a signal ending with <paramref name="exitCode"/>.</summary>
    public void Raise(int exitCode)
    {
        Interlocked.CompareExchange(ref _exitCode, exitCode, ExitCodes.Cancelled);
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var registration in _registrations) registration.Dispose();
        _cancellation.Dispose();
    }

    private void Register(PosixSignal signal, int exitCode)
    {
        try
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // A second signal while cancelling ends the process the default way.
                if (_cancellation.IsCancellationRequested) return;
                context.Cancel = true;
                Raise(exitCode);
                _ = Task.Delay(Grace).ContinueWith(_ =>
                {
                    if (_disposed) return;
                    Console.Error.WriteLine("funnelsim: cancelled; no output was written.");
                    Environment.Exit(exitCode);
                }, TaskScheduler.Default);
            }));
        }
        catch (PlatformNotSupportedException)
        {
        }
    }
}
