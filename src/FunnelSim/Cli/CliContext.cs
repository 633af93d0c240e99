namespace FunnelSim.Cli;

/// <summary>
/// Where a command reads and writes: standard output and error, whether standard error is a terminal (for the progress
/// bar), whether the session is interactive (standard input and output both a terminal, which the terminal UI needs),
/// whether standard output is a terminal and how wide (the default format of <c>run</c>: a table for a person, JSON for a
/// program), and standard input (a scenario given as <c>-</c>).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, bool IsInteractive = false,
    bool OutIsTerminal = false, int OutWidth = 0, Func<Stream>? Input = null)
{
    /// <summary>Width of a table when standard output is not a terminal, or its width is unknown.</summary>
    public const int DefaultWidth = 80;

    public static CliContext FromConsole() => new(new StandardOutputWriter(Console.Out), Console.Error, !Console.IsErrorRedirected,
        !Console.IsInputRedirected && !Console.IsOutputRedirected, !Console.IsOutputRedirected, TerminalWidth(),
        Console.OpenStandardInput);

    /// <summary>The width a table should fit: the terminal's, else <see cref="DefaultWidth"/>.</summary>
    public int Width => OutWidth > 0 ? OutWidth : DefaultWidth;

    private static int TerminalWidth()
    {
        if (Console.IsOutputRedirected) return 0;
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 0;
        }
    }
}
