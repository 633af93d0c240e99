using FunnelSim.Files;
using System.Diagnostics;
using FunnelSim.Cli;
using FunnelSim.Model;
using static FunnelSim.Tests.CliHarness;

namespace FunnelSim.Tests;

/// <summary>
/// Where results go: --out "" is a usage error, never over the input scenario; through devices and FIFOs; a symlink's
/// target replaced (the link kept); a hard link kept; the file's mode kept; standard output errors reported, not crashed on.
/// </summary>
public class OutputTargetTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("budget")]
    [InlineData("compare")]
    [InlineData("tornado")]
    [InlineData("drivers")]
    public void AnEmptyOutIsAUsageError(string command)
    {
        string scenario = Scenario("payer-commercial-1m.json");
        string[] args = command switch
        {
            "compare" => [command, scenario, scenario, "--out", ""],
            "tornado" or "drivers" => [command, scenario, "--metric", "doses", "--out", ""],
            _ => [command, scenario, "--out", ""],
        };
        var outcome = Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: --out needs a file name", outcome.Error);
    }

    [Fact]
    public void ResultsNeverOverwriteTheInputScenario()
    {
        using var temp = new TempFolder();
        string scenario = temp.File("s.json");
        File.Copy(Scenario("us-national-base.json"), scenario);
        string before = File.ReadAllText(scenario);
        File.CreateSymbolicLink(temp.File("link.json"), scenario);

        var same = Run("run", scenario, "--out", scenario);
        var throughLink = Run("run", temp.File("link.json"), "--out", scenario);
        var compare = Run("compare", Scenario("us-national-base.json"), scenario, "--out", temp.File("link.json"));

        foreach (var outcome in new[] { same, throughLink, compare })
        {
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("is the input scenario", outcome.Error);
        }
        Assert.Equal(before, File.ReadAllText(scenario));
    }

    [Fact]
    public void OutToACharacterDeviceWritesThroughIt()
    {
        if (!File.Exists("/dev/null") || OperatingSystem.IsWindows()) return;
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        var outcome = Run("run", "--iterations", "100", "--out", "/dev/null");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public async Task OutToAFifoWritesThroughIt()
    {
        using var temp = new TempFolder();
        string fifo = temp.File("pipe");
        if (!MakeFifo(fifo)) return; // no mkfifo here: nothing to test
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var outcome = Run("run", "--iterations", "100", "--out", fifo);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("{", await reader.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    [Fact]
    public void OutThroughASymlinkReplacesItsTargetAndKeepsTheMode()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        string target = temp.File("target.json");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string link = temp.File("link.json");
        File.CreateSymbolicLink(link, target);

        var outcome = Run("run", "--iterations", "100", "--out", link);

        Assert.Equal(0, outcome.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Equal(["link.json", "target.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void OutOntoAHardLinkedFileKeepsTheLink()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        string first = temp.File("first.json"), second = temp.File("second.json");
        File.WriteAllText(first, "old");
        File.SetUnixFileMode(first, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (!HardLink(first, second)) return;

        var outcome = Run("run", "--iterations", "100", "--out", second);

        Assert.Equal(0, outcome.ExitCode);
        // Both names still see one file: the new results, with the old mode, and no temporary file left.
        Assert.StartsWith("{", File.ReadAllText(first));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(second));
        Assert.Equal(["first.json", "second.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void AFailedWriteNeverTouchesAHardLinkedFile()
    {
        // As a full disk would: the new content fails while going to the temporary file, before the target is opened.
        using var temp = new TempFolder();
        string first = temp.File("first.json"), second = temp.File("second.json");
        File.WriteAllText(first, "old content");
        if (!HardLink(first, second)) return;

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(second, stream =>
        {
            stream.Write("{ half"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Contains("No space left", failure.Message);
        Assert.Equal("old content", File.ReadAllText(first));
        Assert.Equal("old content", File.ReadAllText(second));
        Assert.Equal(["first.json", "second.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    /// <summary>Makes <paramref name="link"/> a second hard link to <paramref name="file"/> with <c>ln</c>; false where there is none.</summary>
    private static bool HardLink(string file, string link)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/ln")) return false;
        var start = new ProcessStartInfo("/bin/ln") { UseShellExecute = false };
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(link);
        using var ln = Process.Start(start)!;
        ln.WaitForExit();
        return ln.ExitCode == 0;
    }

    [Fact]
    public void AFailedWriteToStandardOutputIsReportedNotCrashedOn()
    {
        var outcome = RunIn(context => context with { Out = new StandardOutputWriter(new FailingWriter()) },
            "run", "--iterations", "100", "--format", "json");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("funnelsim: cannot write standard output: No space left on device", outcome.Error);
    }

    private static bool MakeFifo(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }
}
