using FunnelSim.Cli;

namespace FunnelSim.Tests;

/// <summary>Runs the command line in-process with captured standard output and error.</summary>
internal static class CliHarness
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FunnelSimCli.RunAsync(args, new CliContext(output, error, ErrorIsTerminal: false)).GetAwaiter().GetResult();
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
