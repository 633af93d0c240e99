using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim worker</c> runs its silo in a child process whose environment turns off the JIT's tiering delay
/// (<c>DOTNET_TC_CallCountingDelayMs=0</c>). The runtime reads that setting only from the environment at start, and
/// without it a silo, which compiles new methods all the time, kept the engine's hot methods unoptimised for long: the
/// engine ran about 5% slower in a worker than in one process (docs/performance.md, "Orleans cluster overhead").
/// </summary>
/// <remarks>
/// <para>The parent only waits: it passes the child's exit code on, and turns SIGINT and SIGTERM into a stop request
/// written to the child's standard input (a pipe, the <em>lifeline</em>). The child stops as on the signal itself. When
/// the lifeline ends without a stop request, the parent is gone (killed with SIGKILL, say): the child ends itself at
/// once, as the parent did, so no worker is left behind. A second signal to the parent ends both at once.</para>
/// <para>Not relaunched: when the environment already gives the setting (any value: set it to keep the runtime's
/// default), on Windows, and when the program cannot find its own executable.</para>
/// </remarks>
internal static class WorkerProcess
{
    /// <summary>The runtime's setting: how long (ms) no new method must be compiled before hot methods are optimised.</summary>
    public const string TieringDelayVariable = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>Set in the child: its standard input is the lifeline to the parent.</summary>
    public const string LifelineVariable = "FUNNELSIM_WORKER_LIFELINE";

    /// <summary>The stop request the parent writes on the lifeline.</summary>
    private const int StopRequest = 's';

    /// <summary>
    /// For <c>funnelsim worker …</c> without the setting in the environment: runs the worker as a child with it, waits,
    /// and returns the child's exit code. Otherwise (or when the child cannot be started) returns null: run here.
    /// </summary>
    public static int? RunRelaunched(string[] args)
    {
        if (args.Length == 0 || args[0] != "worker" || OperatingSystem.IsWindows()) return null;
        if (Environment.GetEnvironmentVariable(TieringDelayVariable) is not null) return null;
        if (Environment.ProcessPath is not { } processPath) return null;
        var start = StartInfo(processPath, typeof(WorkerProcess).Assembly.Location, args);
        if (start is null) return null;
        Process? child;
        try
        {
            child = Process.Start(start);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
        if (child is null) return null;
        using (child)
        {
            int signals = 0;
            void Stop(PosixSignalContext context)
            {
                // A second signal takes the default action: this process ends, the lifeline with it, and so the child.
                if (Interlocked.Increment(ref signals) > 1) return;
                context.Cancel = true;
                try
                {
                    child.StandardInput.Write((char)StopRequest);
                    child.StandardInput.Flush();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The child has ended already.
                }
            }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            child.WaitForExit();
            return child.ExitCode;
        }
    }

    /// <summary>
    /// How to start the child: the same executable with the same arguments, or, when the program runs as
    /// <c>dotnet funnelsim.dll</c>, the host with the entry assembly first. Null when the entry assembly has no file.
    /// </summary>
    internal static ProcessStartInfo? StartInfo(string processPath, string entryAssembly, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false, RedirectStandardInput = true };
        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(entryAssembly)) return null;
            start.ArgumentList.Add(entryAssembly);
        }
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment[TieringDelayVariable] = "0";
        start.Environment[LifelineVariable] = "1";
        return start;
    }

    /// <summary>
    /// In the child (<see cref="LifelineVariable"/> set): watches standard input on a thread of its own. A stop request
    /// cancels <paramref name="stop"/>; the end of the lifeline without one (the parent is gone) ends this process at once.
    /// Does nothing in a worker started directly.
    /// </summary>
    public static void WatchLifeline(CancellationTokenSource stop)
    {
        if (Environment.GetEnvironmentVariable(LifelineVariable) != "1") return;
        var input = Console.OpenStandardInput();
        var watcher = new Thread(() => Watch(input, stop.Cancel, EndAtOnce)) { IsBackground = true, Name = "funnelsim worker lifeline" };
        watcher.Start();
    }

    /// <summary>Reads the lifeline to its end: <paramref name="onStop"/> at a stop request, <paramref name="onParentGone"/> at the end.</summary>
    internal static void Watch(Stream lifeline, Action onStop, Action onParentGone)
    {
        try
        {
            int read;
            while ((read = lifeline.ReadByte()) >= 0)
            {
                if (read == StopRequest) onStop();
            }
        }
        catch (IOException)
        {
            // A broken pipe is an end too.
        }
        catch (ObjectDisposedException)
        {
            // Cancelling after the worker stopped (its token source disposed) is nothing to do.
            return;
        }
        onParentGone();
    }

    private static void EndAtOnce()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
