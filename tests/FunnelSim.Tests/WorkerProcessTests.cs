using System.Diagnostics;
using System.Globalization;
using System.Text;
using FunnelSim.Cli;
using FunnelSim.Cluster;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>
/// <c>funnelsim worker</c> relaunches itself with the JIT's tiering delay off (<see cref="WorkerProcess"/>): how the
/// child is started, the lifeline protocol, and the real program's process pair under SIGTERM and SIGKILL.
/// </summary>
public class WorkerProcessTests
{
    [Fact]
    public void AnAppHostIsStartedAgainWithTheSameArgumentsAndTheSetting()
    {
        var start = WorkerProcess.StartInfo("/opt/tools/funnelsim", [], ["worker", "--cluster", "c.json"], parent: 42)!;

        Assert.Equal("/opt/tools/funnelsim", start.FileName);
        Assert.Equal(["worker", "--cluster", "c.json"], start.ArgumentList);
        Assert.Equal("0", start.Environment[WorkerProcess.TieringDelayVariable]);
        Assert.Equal("42", start.Environment[WorkerProcess.LifelineVariable]);
        Assert.True(start.RedirectStandardInput);
        Assert.False(start.RedirectStandardOutput || start.RedirectStandardError);
    }

    [Fact]
    public void UnderTheDotnetHostItsOwnArgumentsAndTheEntryAssemblyComeFirst()
    {
        string[] host = ["exec", "--runtimeconfig", "/repo/bin/funnelsim.runtimeconfig.json", "/repo/bin/funnelsim.dll"];
        var start = WorkerProcess.StartInfo("/usr/share/dotnet/dotnet", host, ["worker"], parent: 42)!;

        Assert.Equal([.. host, "worker"], start.ArgumentList);
        Assert.Null(WorkerProcess.StartInfo("/usr/share/dotnet/dotnet", [], ["worker"], parent: 42));
    }

    [Theory]
    [InlineData("", 0, 1)]
    [InlineData("s", 1, 1)]
    [InlineData("xsx", 1, 1)]
    [InlineData("ss", 2, 1)]
    public void TheLifelineStopsOnRequestAndReportsItsEnd(string written, int stops, int ends)
    {
        int stopped = 0, ended = 0;
        WorkerProcess.Watch(new MemoryStream(Encoding.ASCII.GetBytes(written)), () => stopped++, () => ended++);

        Assert.Equal(stops, stopped);
        Assert.Equal(ends, ended);
    }

    [Fact]
    public void CancellingAStoppedWorkerIsNotAnError()
    {
        var stop = new CancellationTokenSource();
        stop.Dispose();
        int ended = 0;
        WorkerProcess.Watch(new MemoryStream("s"u8.ToArray()), stop.Cancel, () => ended++);

        Assert.Equal(0, ended);
    }

    [Fact]
    public void SigtermStopsTheWorkerAndItsChildCleanly()
    {
        if (!OnLinux()) return;
        using var temp = new TempFolder();
        using var worker = StartWorker(temp);
        int child = ChildOf(worker.Process.Id);

        Assert.Contains($"{WorkerProcess.TieringDelayVariable}=0", Environ(child));
        Signal("TERM", worker.Process.Id);

        WaitForExit(worker, "the worker did not stop on SIGTERM");
        Assert.Equal(0, worker.Process.ExitCode);
        Assert.Contains("stopped.", worker.ErrorText);
        Assert.True(Ended(child), "the worker's child is still running");
    }

    [Fact]
    public void CtrlCInATerminalReachesBothAndStopsTheWorkerCleanly()
    {
        if (!OnLinux()) return;
        using var temp = new TempFolder();
        using var worker = StartWorker(temp);
        int child = ChildOf(worker.Process.Id);

        // A terminal sends SIGINT to the whole foreground process group: the parent and its child.
        Signal("INT", child);
        Signal("INT", worker.Process.Id);

        WaitForExit(worker, "the worker did not stop on Ctrl+C");
        Assert.Equal(0, worker.Process.ExitCode);
        Assert.Contains("stopped.", worker.ErrorText);
        Assert.DoesNotContain("cancelled", worker.ErrorText);
    }

    [Fact]
    public void SigkillOfTheWorkerEndsItsChildToo()
    {
        if (!OnLinux()) return;
        using var temp = new TempFolder();
        using var worker = StartWorker(temp);
        int child = ChildOf(worker.Process.Id);

        try
        {
            Signal("KILL", worker.Process.Id);
            Assert.True(worker.Process.WaitForExit(60_000));

            var deadline = Stopwatch.StartNew();
            while (!Ended(child) && deadline.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(100);
            Assert.True(Ended(child), "the worker's child outlived it");
        }
        finally
        {
            if (!Ended(child)) Signal("KILL", child);
        }
    }

    [Fact]
    public void AWorkerGivenTheSettingRunsInItsOwnProcess()
    {
        if (!OnLinux()) return;
        using var temp = new TempFolder();
        using var worker = StartWorker(temp, (WorkerProcess.TieringDelayVariable, "100"));

        Assert.DoesNotContain(Children(worker.Process.Id), pid => !Ended(pid));
        Signal("TERM", worker.Process.Id);
        WaitForExit(worker, "the worker did not stop on SIGTERM");
    }

    /// <summary>Linux with <c>kill</c> and the kernel's list of a thread's children (CONFIG_PROC_CHILDREN).</summary>
    private static bool OnLinux() =>
        OperatingSystem.IsLinux() && (File.Exists("/bin/kill") || File.Exists("/usr/bin/kill")) &&
        File.Exists($"/proc/self/task/{Environment.ProcessId}/children");

    private static void WaitForExit(RunningProcess worker, string message)
    {
        Assert.True(worker.Process.WaitForExit(60_000), message);
        // Without a timeout, WaitForExit also waits for the redirected standard error to be read to its end.
        worker.Process.WaitForExit();
    }

    /// <summary>A real <c>funnelsim worker</c> (localhost clustering on free ports), once it says it is ready.</summary>
    private static RunningProcess StartWorker(TempFolder temp, params (string Name, string Value)[] environment)
    {
        string cluster = temp.File("cluster.json");
        File.WriteAllText(cluster, $$"""
            { "clustering": "localhost", "siloPort": {{ClusterHosting.FreePort()}}, "gatewayPort": {{ClusterHosting.FreePort()}} }
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "funnelsim.dll"), "worker", "--cluster", cluster })
            start.ArgumentList.Add(arg);
        // The test host's own environment may carry the setting; the worker must decide for itself.
        start.Environment.Remove(WorkerProcess.TieringDelayVariable);
        start.Environment.Remove(WorkerProcess.LifelineVariable);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var worker = new RunningProcess(Process.Start(start)!);
        var deadline = Stopwatch.StartNew();
        while (!worker.ErrorText.Contains("ready", StringComparison.Ordinal))
        {
            if (worker.Process.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                worker.Dispose();
                Assert.Fail($"the worker did not start: {worker.ErrorText}");
            }
            Thread.Sleep(100);
        }
        return worker;
    }

    private static int ChildOf(int parent)
    {
        var children = Children(parent);
        Assert.Single(children);
        return children[0];
    }

    private static List<int> Children(int parent)
    {
        var children = new List<int>();
        foreach (string task in Directory.GetDirectories($"/proc/{parent}/task"))
        {
            string list;
            try
            {
                list = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }
            children.AddRange(list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
        }
        return children;
    }

    private static string Environ(int pid) => File.ReadAllText($"/proc/{pid}/environ").Replace('\0', '\n');

    /// <summary>Gone, or a zombie waiting for whoever adopted it.</summary>
    private static bool Ended(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>A started process, its standard error collected; killed with its children if still running at the end.</summary>
    private sealed class RunningProcess : IDisposable
    {
        public RunningProcess(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                lock (Error) Error.AppendLine(e.Data);
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        private StringBuilder Error { get; } = new();

        public string ErrorText
        {
            get
            {
                lock (Error) return Error.ToString();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
