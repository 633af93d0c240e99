using FunnelSim.Cli;
using FunnelSim.Model;

namespace FunnelSim.Tests;

/// <summary>Runs the command line in-process with captured standard output and error.</summary>
internal static class CliHarness
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args) => RunIn(context => context, args);

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public static Outcome RunWithInput(string input, params string[] args) =>
        RunIn(context => context with { Input = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input)) }, args);

    /// <summary>Runs as if standard output were a terminal <paramref name="width"/> columns wide.</summary>
    public static Outcome RunOnTerminal(int width, params string[] args) =>
        RunIn(context => context with { OutIsTerminal = true, OutWidth = width }, args);

    /// <summary>Runs in the context <paramref name="adjust"/> makes of one with captured output, error and an empty input.</summary>
    public static Outcome RunIn(Func<CliContext, CliContext> adjust, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = adjust(new CliContext(output, error, ErrorIsTerminal: false, Input: () => new MemoryStream()));
        int code = FunnelSimCli.RunAsync(args, context).GetAwaiter().GetResult();
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (the folder holding FunnelSim.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FunnelSim.sln"))) folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("FunnelSim.sln not found above the test binaries");
        }
    }

    public static string Scenario(string name) => Path.Combine(RepositoryRoot, "scenarios", name);

    /// <summary>A fresh temporary folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("funnelsim-test-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
