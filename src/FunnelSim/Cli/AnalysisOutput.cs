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
        Func<string> table, Func<string> wroteWhat, Action<Stream>? xlsx = null)
    {
        if (xlsx is null && (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
                             || outPath is not null && ResultFormats.Choose(format, outPath) == ResultFormat.Xlsx))
        {
            context.Error.WriteLine("funnelsim: an Excel workbook is written by run, budget, compare and batch; use json or csv here.");
            return ExitCodes.UsageError;
        }
        if (xlsx is not null && outPath is null && string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            context.Error.WriteLine("funnelsim: --format xlsx writes an Excel workbook, which needs a file: add --out FILE.xlsx.");
            return ExitCodes.UsageError;
        }
        if (outPath is not null)
        {
            var chosen = ResultFormats.Choose(format, outPath);
            bool written = chosen == ResultFormat.Xlsx
                ? OutputTarget.Write(context, outPath, xlsx!)
                : OutputTarget.Write(context, outPath, chosen == ResultFormat.Csv ? csv() : json());
            if (!written) return ExitCodes.InvalidInput;
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
