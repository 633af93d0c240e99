namespace FunnelSim.Cli;

/// <summary>Where a command writes: standard output, standard error, and whether standard error is a terminal.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
