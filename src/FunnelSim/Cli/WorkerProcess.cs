using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim worker</c> runs its silo in a child process whose environment turns off the JIT's tiering delay
/// (<c>DOTNET_TC_CallCountingDelayMs=0</c>). Without it a silo, which compiles new methods all the time, kept the engine's
/// hot methods unoptimised for long: the engine ran about 5% slower in a worker than in one process (docs/performance.md,
/// "Orleans cluster overhead"). The runtime configuration has the same setting, but it would apply to every command, and
/// it makes short commands start slower; an environment given to the worker's child applies to the worker alone.
/// </summary>
/// <remarks>
/// <para>The parent only waits: it passes the child's exit code on, and turns SIGINT and SIGTERM into a stop request
/// written to the child's standard input (a pipe, the <em>lifeline</em>). The child stops on a stop request, or on SIGINT
/// or SIGTERM of its own (Ctrl+C reaches both processes), by leaving the cluster as a worker stopped by a signal does;
/// a second signal ends either at once. When the lifeline ends without a stop request, the parent is gone (killed with
/// SIGKILL, say): the child ends itself at once, as the parent did, so no worker is left behind.</para>
/// <para>Not relaunched: when the environment already gives the setting (any value: set it to keep the runtime's
/// default), for <c>--help</c>, on Windows, and when the program cannot find its own executable.</para>
/// </remarks>
internal static class WorkerProcess
{
    /// <summary>The runtime's setting: how long (ms) no new method must be compiled before hot methods are optimised.</summary>
    public const string TieringDelayVariable = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>Set in the child to the parent's process id: its standard input is the lifeline to that parent.</summary>
    public const string LifelineVariable = "FUNNELSIM_WORKER_LIFELINE";

    /// <summary>The stop request the parent writes on the lifeline.</summary>
    private const int StopRequest = 's';

    /// <summary>Whether this process is a worker's child, started by <see cref="RunRelaunched"/>.</summary>
    public static bool IsChild => Environment.GetEnvironmentVariable(LifelineVariable) is { Length: > 0 };

    /// <summary>
    /// For <c>funnelsim worker …</c> without the setting in the environment: runs the worker as a child with it, waits,
    /// and returns the child's exit code. Otherwise (or when the child cannot be started) returns null: run here.
    /// </summary>
    public static int? RunRelaunched(string[] args)
    {
        if (args.Length == 0 || args[0] != "worker" || OperatingSystem.IsWindows() || IsChild) return null;
        if (args.Any(a => a is "--help" or "-h" or "-?")) return null;
        if (Environment.GetEnvironmentVariable(TieringDelayVariable) is not null ||
            Environment.GetEnvironmentVariable("COMPlus_TC_CallCountingDelayMs") is not null) return null;
        if (Environment.ProcessPath is not { } processPath) return null;
        var start = StartInfo(processPath, HostArguments(args), args, Environment.ProcessId);
        if (start is null) return null;

        Process? child = null;
        int signals = 0;
        void RequestStop()
        {
            var started = Volatile.Read(ref child);
            if (started is null) return;
            try
            {
                started.StandardInput.Write((char)StopRequest);
                started.StandardInput.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The child has ended already.
            }
        }
        void Stop(PosixSignalContext context)
        {
            // A second signal takes the default action: this process ends, the lifeline with it, and so the child.
            if (Interlocked.Increment(ref signals) > 1) return;
            context.Cancel = true;
            RequestStop();
        }
        // Listening before the child starts: a signal in between becomes a stop request as soon as it has started.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            Volatile.Write(ref child, Process.Start(start));
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
        if (child is null) return null;
        using (child)
        {
            if (Volatile.Read(ref signals) > 0) RequestStop();
            child.WaitForExit();
            return child.ExitCode;
        }
    }

    /// <summary>
    /// How to start the child: the same executable with <paramref name="hostArguments"/> (what a <c>dotnet</c> host was
    /// given before the program's own arguments, the entry assembly last) and the same arguments. Null when run by the
    /// <c>dotnet</c> host with no entry assembly known.
    /// </summary>
    internal static ProcessStartInfo? StartInfo(string processPath, IReadOnlyList<string> hostArguments, IEnumerable<string> args, int parent)
    {
        bool dotnetHost = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (dotnetHost && hostArguments.Count == 0) return null;
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false, RedirectStandardInput = true };
        if (dotnetHost)
        {
            foreach (string arg in hostArguments) start.ArgumentList.Add(arg);
        }
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment[TieringDelayVariable] = "0";
        start.Environment[LifelineVariable] = parent.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>
    /// What the <c>dotnet</c> host was given before the program's arguments (<c>exec --runtimeconfig … funnelsim.dll</c>,
    /// or just the entry assembly), read from <c>/proc/self/cmdline</c>; where that cannot be read, the entry assembly.
    /// </summary>
    private static string[] HostArguments(string[] args)
    {
        try
        {
            string[] command = File.ReadAllText("/proc/self/cmdline").Split('\0');
            if (command.Length > 0 && command[^1].Length == 0) command = command[..^1];
            int hostCount = command.Length - 1 - args.Length;
            if (hostCount >= 1 && command.AsSpan(command.Length - args.Length).SequenceEqual(args)) return command[1..(1 + hostCount)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux: the entry assembly alone.
        }
        string entry = typeof(WorkerProcess).Assembly.Location;
        return entry.Length > 0 ? [entry] : [];
    }

    /// <summary>
    /// In the child (<see cref="IsChild"/>): SIGINT and SIGTERM and the parent's stop request cancel
    /// <paramref name="stop"/> (the worker then leaves its cluster); the end of the lifeline without a stop request (the
    /// parent is gone) ends this process at once. Listens until disposed. Does nothing in a worker started directly.
    /// </summary>
    public static IDisposable? WatchLifeline(CancellationTokenSource stop)
    {
        if (!IsChild) return null;
        var signals = new ChildSignals(stop);
        if (ParentIsGone())
        {
            EndAtOnce();
            return signals;
        }
        var input = Console.OpenStandardInput();
        var watcher = new Thread(() => Watch(input, () => RequestCancel(stop), EndAtOnce))
        {
            IsBackground = true,
            Name = "funnelsim worker lifeline",
        };
        watcher.Start();
        return signals;
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

    /// <summary>Cancels without running the token's callbacks on the caller's thread (their exceptions end in the task).</summary>
    private static void RequestCancel(CancellationTokenSource stop) => _ = stop.CancelAsync();

    /// <summary>
    /// Whether this process's parent is no longer the one the variable names: it ended before the lifeline was watched
    /// (or the variable was copied into another environment by mistake). Only where /proc tells the parent.
    /// </summary>
    private static bool ParentIsGone()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(LifelineVariable), NumberStyles.None, CultureInfo.InvariantCulture,
                out int expected)) return false;
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture) != expected;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static void EndAtOnce()
    {
        Console.Error.WriteLine($"funnelsim worker: the process that started this worker (pid {Environment.GetEnvironmentVariable(LifelineVariable)}, " +
                                $"{LifelineVariable}) is gone; ending.");
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }

    /// <summary>SIGINT and SIGTERM in the child: the first stops the worker (as a stop request does), a second ends it.</summary>
    private sealed class ChildSignals : IDisposable
    {
        private readonly PosixSignalRegistration[] _registrations;
        private int _signals;

        public ChildSignals(CancellationTokenSource stop)
        {
            void Handle(PosixSignalContext context)
            {
                if (Interlocked.Increment(ref _signals) > 1) return;
                context.Cancel = true;
                RequestCancel(stop);
            }
            _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
        }

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
        }
    }
}
