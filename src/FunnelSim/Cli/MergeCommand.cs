using System.CommandLine;
using FunnelSim.Shards;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim merge PART… [--out FILE] [--format json|csv|xlsx]</c>: the partial files of every shard into one result.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var parts = new Argument<string[]>("PART")
        {
            Description = "Partial files written by the shard option of 'funnelsim run' or 'funnelsim budget' (shard K of N), one " +
                          "per shard, in any order (they are ordered by the K each records).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = OutputTarget.Create("Write the merged results to FILE (atomically). Default: standard output.");
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Result format: json (default), csv, or xlsx (an Excel workbook; needs --out). With --out ending in " +
                          ".csv or .xlsx, that format is the default.",
            HelpName = "json|csv|xlsx",
        };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var command = new Command("merge", "Merge the partial files of a sharded run into the results of the whole run.\n\n" +
            "The output is exactly what the unsplit 'funnelsim run' (or 'funnelsim budget --out') writes with the same scenario and " +
            "seed (the same for --format csv and xlsx), except run.threads (the most any shard used) and run.elapsedSeconds (the sum of the shards' times). Refused, " +
            "naming the files: a missing or duplicated shard, or parts of different scenarios, seeds, iteration totals, sampling, " +
            "engine versions or shard counts. See docs/scale-out.md.\n\n" +
            "Example: funnelsim merge part-*.json --out result.json\n\n" +
            "Exit codes: 0 success, 1 unreadable or refused parts or a file error, 2 usage error.")
        {
            parts,
            output,
            format,
        };
        command.SetAction(parse => Execute(context, parse.GetRequiredValue(parts), parse.GetValue(output), parse.GetValue(format)));
        return command;
    }

    private static int Execute(CliContext context, string[] paths, string? outPath, string? format)
    {
        if (ResultFormats.WorkbookWithoutFile(context, "merge", format, outPath)) return ExitCodes.UsageError;
        if (OutputTarget.Check(context, outPath, paths) is { } refused) return refused;
        var named = new List<NamedPartial>();
        bool failed = false;
        foreach (string path in paths)
        {
            var loaded = PartialJson.ReadFile(path);
            if (loaded.Partial is null)
            {
                context.Error.WriteLine($"funnelsim merge: {path}: {loaded.Error}");
                failed = true;
                continue;
            }
            named.Add(new NamedPartial(path, loaded.Partial));
        }
        if (failed) return ExitCodes.InvalidInput;

        var outcome = PartialMerge.Merge(named);
        if (outcome.Result is not { } result)
        {
            foreach (string error in outcome.Errors) context.Error.WriteLine($"funnelsim merge: {error}");
            context.Error.WriteLine("funnelsim merge: nothing was written.");
            return ExitCodes.InvalidInput;
        }

        var chosen = ResultFormats.Choose(format, outPath);
        if (!ResultFormats.Write(context, outPath ?? OutputTarget.StandardOutput, result, chosen)) return ExitCodes.InvalidInput;
        if (outPath is not null) OutputTarget.ReportWritten(context, outPath, $"{named.Count:N0} shards, {result.Run.Iterations:N0} iterations");
        return ExitCodes.Success;
    }
}
