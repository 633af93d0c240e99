using FunnelSim.Engine;

namespace FunnelSim.Cli;

/// <summary>
/// What the analysis commands (compare, tornado, drivers) share: a progress bar on standard error when it is a
/// terminal, the optional <c>--out</c> file (JSON, or CSV by format or extension, written atomically), and standard
/// output (the human table, or with <c>--format</c> and no <c>--out</c> the machine-readable text).
/// </summary>
internal static class AnalysisOutput
{
    /// <summary>Runs <paramref name="run"/> with a progress bar labelled <paramref name="label"/> when standard error is a terminal.</summary>
    public static T WithProgress<T>(CliContext context, string label, Func<IProgress<RunProgress>?, T> run)
    {
        if (!context.ErrorIsTerminal) return run(null);
        using var progress = new ConsoleProgress(context.Error, label);
        return run(progress);
    }

    /// <summary>Writes the result where asked; returns the exit code (1 when the --out file cannot be written).</summary>
    public static int Present(CliContext context, string? format, string? outPath, Func<string> json, Func<string> csv,
        Func<string> table, Func<string> wroteWhat)
    {
        if (outPath is not null)
        {
            bool asCsv = ResultFormats.Choose(format, outPath) == ResultFormat.Csv;
            if (!OutputTarget.Write(context, outPath, asCsv ? csv() : json())) return ExitCodes.InvalidInput;
            OutputTarget.ReportWritten(context, outPath, wroteWhat());
            // '--out -' put the machine-readable result on standard output: no table after it.
            if (outPath == OutputTarget.StandardOutput) return ExitCodes.Success;
        }

        string text = (format, outPath) switch
        {
            ("json", null) => json(),
            ("csv", null) => csv(),
            _ => table(),
        };
        context.Out.Write(text);
        context.Out.Flush();
        return ExitCodes.Success;
    }
}
