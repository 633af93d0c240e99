namespace FunnelSim.Cli;

/// <summary>Process exit codes: a contract with scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A scenario is invalid, a file cannot be read or written, or a batch item failed.</summary>
    public const int InvalidInput = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int UsageError = 2;
    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
    /// <summary>Ended by SIGTERM (128 + 15).</summary>
    public const int Terminated = 143;
}
