namespace FunnelSim.Cli;

/// <summary>
/// Where a command writes: standard output, standard error, whether standard error is a terminal, and whether the
/// session is interactive (standard input and output both a terminal), which the terminal UI needs.
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, bool IsInteractive = false)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, !Console.IsErrorRedirected,
        !Console.IsInputRedirected && !Console.IsOutputRedirected);
}
