using System.CommandLine;

namespace FunnelSim.Cli;

/// <summary>
/// The <c>--out FILE</c> of the commands: <c>-</c> is standard output; an empty name is a usage error; the results never
/// overwrite an input scenario; the file is written atomically (<see cref="AtomicFile"/>).
/// </summary>
internal static class OutputTarget
{
    /// <summary>The <c>--out</c> that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>A <c>--out</c>/<c>-o</c> option described by <paramref name="description"/>, refusing an empty name.</summary>
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--out", "-o")
        {
            Description = description + " '-' is standard output.",
            HelpName = "FILE",
        };
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (string.IsNullOrWhiteSpace(value)) result.AddError("--out needs a file name (or '-' for standard output); got an empty name.");
            else if (value.Contains('\0')) result.AddError("--out: a file name cannot contain a NUL character.");
        });
        return option;
    }

    /// <summary>
    /// Null when <paramref name="outPath"/> can be written, else the exit code after saying why: 2 when it would overwrite
    /// one of <paramref name="inputs"/>, 1 when it is a folder or its folder does not exist.
    /// </summary>
    public static int? Check(CliContext context, string? outPath, params string?[] inputs)
    {
        if (outPath is null or StandardOutput) return null;
        string shown = Shown.Text(outPath);
        if (Directory.Exists(outPath))
        {
            context.Error.WriteLine($"funnelsim: --out '{shown}' is a folder; give a file name.");
            return ExitCodes.InvalidInput;
        }
        string full = Path.GetFullPath(outPath);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            context.Error.WriteLine($"funnelsim: cannot write '{shown}': folder '{Shown.Text(folder)}' does not exist.");
            return ExitCodes.InvalidInput;
        }
        string target = AtomicFile.FinalTarget(full);
        foreach (string? input in inputs)
        {
            if (input is null or ScenarioInput.StandardInput || !File.Exists(input)) continue;
            if (!SameFile(target, AtomicFile.FinalTarget(Path.GetFullPath(input)))) continue;
            context.Error.WriteLine($"funnelsim: --out '{shown}' is the input scenario '{Shown.Text(input)}'; the results would " +
                                    "overwrite it. Give another file name.");
            return ExitCodes.UsageError;
        }
        return null;
    }

    /// <summary>Writes <paramref name="text"/> to standard output or the file; false (after saying why) when it cannot.</summary>
    public static bool Write(CliContext context, string outPath, string text)
    {
        if (outPath == StandardOutput)
        {
            context.Out.Write(text);
            context.Out.Flush();
            return true;
        }
        return Write(context, outPath, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Writes a binary file (a workbook) atomically; false (after saying why) when it cannot. Never standard output.</summary>
    public static bool Write(CliContext context, string outPath, Action<Stream> write)
    {
        if (outPath == StandardOutput)
        {
            context.Error.WriteLine("funnelsim: an Excel workbook is a file, not text: give --out FILE.xlsx, not '-'.");
            return false;
        }
        try
        {
            AtomicFile.Write(outPath, write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim: cannot write '{Shown.Text(outPath)}': {e.Message}");
            return false;
        }
    }

    /// <summary>"wrote FILE (what)" on standard error, unless the results went to standard output.</summary>
    public static void ReportWritten(CliContext context, string outPath, string what)
    {
        if (outPath != StandardOutput) context.Error.WriteLine($"wrote {Shown.Text(outPath)} ({what})");
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
