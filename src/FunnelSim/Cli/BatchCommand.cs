using FunnelSim.Files;
using System.CommandLine;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Export;
using FunnelSim.Sweeps;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim batch DIR|FILES… --out-dir DIR</c>: one result file per scenario. A bad scenario is reported and
/// skipped; the rest still run; the exit code says whether any failed. <c>funnelsim batch --sweep SWEEP.json</c> runs
/// every combination of a sweep instead (see <see cref="SweepBatch"/>).
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("DIR|FILE")
        {
            Description = "Scenario files, or folders whose *.json files are run (not recursively; *.schema.json, " +
                          "*.results.json and batch.json are skipped).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string>("--out-dir", "-d")
        {
            Description = "Folder for the results (created if missing). Each scenario FILE.json gives FILE.results.json " +
                          "(or .results.csv); names are sanitised and never leave this folder, and batch.json maps each scenario file to " +
                          "its result file. Required for scenario files; " +
                          "with --sweep the default is SWEEPNAME-results in the current folder.",
            HelpName = "DIR",
        };
        var sweep = new Option<string?>("--sweep")
        {
            Description = "Run every combination of a sweep file instead of scenario files: " +
                          "{ \"base\": \"scenario.json\", \"axes\": [ { \"path\": \"indications[1].testing.uptake.value\", " +
                          "\"values\": [0.3, 0.5, 0.7] }, … ] } (base relative to the sweep file; at most " +
                          $"{FunnelSim.Sweeps.SweepReader.MaxPoints:N0} points). Writes one results file per point " +
                          "(point-INDEX_VALUES.results.json), sweep.csv (every point's summaries, axis values as columns) and " +
                          "sweep.json (the index: points, values, files, errors). Sweeping a modality's share rescales the " +
                          "other modalities' shares of that indication so they still sum to 1.",
            HelpName = "SWEEP.json",
        };
        var common = new CommonOptions();
        var command = new Command("batch", "Run many scenarios, one result file each, or every point of a sweep.\n\n" +
            "Examples: funnelsim batch scenarios --out-dir results; funnelsim batch --sweep uptake-by-rna.json --out-dir sweep\n\n" +
            "--iterations, --seed, --threads and --format apply to every scenario. Exit codes: 0 all ran, 1 some scenario " +
            "was invalid or failed (the others still ran), 2 usage error, 130 cancelled.")
        {
            inputs,
            outDir,
            sweep,
        };
        common.AddTo(command);
        common.Format.Description = "Format of every result file: json (default; NAME.results.json) or csv (NAME.results.csv).";
        var draws = new DrawsOptions(batch: true);
        draws.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(
            draws.CheckNames(context, "batch", parse) is { } refused ? refused
            : parse.GetValue(sweep) is { } sweepFile
                ? SweepBatch.Execute(context, parse, sweepFile, inputs, outDir, common, draws, cancellationToken)
                : Execute(context, parse, inputs, outDir, common, draws, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string[]> inputs, Option<string> outDir,
        CommonOptions common, DrawsOptions draws, CancellationToken cancellationToken)
    {
        if (parse.GetValue(inputs) is not { Length: > 0 } || parse.GetValue(outDir) is not { } folder)
        {
            context.Error.WriteLine("funnelsim: batch needs scenario files or folders and --out-dir DIR, or --sweep SWEEP.json.");
            context.Error.WriteLine("Run 'funnelsim batch --help' for usage.");
            return ExitCodes.UsageError;
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim: cannot create output folder '{Shown.Text(folder)}': {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var names = new OutputFileNames(folder);
        var items = new List<BatchItemReport>();
        var files = Expand(context, parse.GetValue(inputs)!, items);
        int failed = items.Count;
        var format = ResultFormats.Choose(parse.GetValue(common.Format), null);
        int written = 0;
        foreach (string file in files)
        {
            try
            {
                var loaded = ScenarioInput.Load(context, file, common.Settings(parse), cancellationToken);
                ScenarioInput.Report(context.Error, file, loaded.Diagnostics);
                if (!loaded.IsValid || loaded.Scenario is null)
                {
                    context.Error.WriteLine($"{file}: skipped (invalid)");
                    items.Add(new BatchItemReport(file, "invalid", null,
                        [.. loaded.Diagnostics.Where(d => d.Severity == Json.Severity.Error).Select(d => d.ToString())]));
                    failed++;
                    continue;
                }
                var scenario = common.Apply(parse, loaded.Scenario);
                if (draws.CheckFor(parse, scenario) is { } unavailable)
                {
                    context.Error.WriteLine($"{file}: failed: --draw-metrics: {unavailable}");
                    items.Add(new BatchItemReport(file, "failed", null, [$"--draw-metrics: {unavailable}"]));
                    failed++;
                    continue;
                }
                string target = names.For(file, ".results" + ResultFormats.Extension(format));
                string? drawsFile = draws.File(parse) is { } pattern
                    ? Path.Combine(Path.GetDirectoryName(target)!, DrawsOptions.ForBatch(Path.GetFileName(target), pattern))
                    : null;
                var result = drawsFile is null
                    ? ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), Path.GetFileName(file), cancellationToken)
                    : DrawsOptions.RunOrThrow(context, scenario, common.ThreadCount(parse), Path.GetFileName(file), drawsFile,
                        draws.MetricsOf(parse), cancellationToken);
                ResultFormats.Write(target, result, format);
                written++;
                items.Add(new BatchItemReport(file, "ok", Path.GetFileName(target), []) { Draws = drawsFile is null ? null : Path.GetFileName(drawsFile) });
                context.Error.WriteLine($"{file}: wrote {target}" + (drawsFile is null ? "" : $" and {drawsFile}"));
            }
            catch (OperationCanceledException)
            {
                // The finished scenarios' files exist: list them beside any complete index, never over it.
                bool listed = WriteIndex(context, parse, common, folder, PartialIndexFile, items);
                context.Error.WriteLine($"funnelsim: batch cancelled after {written} of {files.Count} scenarios; " +
                    (written == 0 ? "no result file was written." :
                        $"{written} result file{(written == 1 ? " was" : "s were")} written to {folder}" +
                        (listed ? $" (listed in {PartialIndexFile})." : ".")));
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One scenario that cannot be simulated or written never stops the others (issue 12, item 2).
                context.Error.WriteLine($"{file}: failed: {e.Message}");
                items.Add(new BatchItemReport(file, "failed", null, [e.Message]));
                failed++;
            }
        }
        bool indexed = WriteIndex(context, parse, common, folder, IndexFile, items);
        if (indexed) TryDelete(Path.Combine(folder, PartialIndexFile));
        context.Error.WriteLine($"batch: {written} written, {failed} failed" + (indexed ? $"; index in {Path.Combine(folder, IndexFile)}" : ""));
        return failed == 0 && indexed ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>The batch index: which result file holds which scenario's results (issue 12, item 9).</summary>
    public const string IndexFile = "batch.json";

    /// <summary>The index of a cancelled batch, written beside (never over) a complete one.</summary>
    public const string PartialIndexFile = "batch.partial.json";

    private static bool WriteIndex(CliContext context, ParseResult parse, CommonOptions common, string folder, string name,
        List<BatchItemReport> items)
    {
        var index = new BatchIndex(parse.GetValue(common.Iterations), parse.GetValue(common.Seed) is long s ? (ulong)s : null, items);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(folder, name), SweepIndexJson.Write(index));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"funnelsim: cannot write the batch index '{Path.Combine(folder, name)}': {e.Message}");
            return false;
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static List<string> Expand(CliContext context, string[] inputs, List<BatchItemReport> missing)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                // Not schemas, not results (a re-run into its own folder), not this command's indexes.
                var found = Directory.GetFiles(input, "*.json")
                    .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
                                && !f.EndsWith(".results.json", StringComparison.OrdinalIgnoreCase)
                                && Path.GetFileName(f) is not (IndexFile or PartialIndexFile))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) context.Error.WriteLine($"{Shown.Text(input)}: no *.json scenario files in this folder");
                files.AddRange(found);
            }
            else if (File.Exists(input) || input == ScenarioInput.StandardInput)
            {
                files.Add(input);
            }
            else
            {
                context.Error.WriteLine($"{input}: error: no such file or folder");
                missing.Add(new BatchItemReport(input, "failed", null, ["no such file or folder"]));
            }
        }
        return files;
    }
}
