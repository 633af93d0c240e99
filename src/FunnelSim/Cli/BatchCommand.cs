using System.CommandLine;
using FunnelSim.Model;
using FunnelSim.Reporting;
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
            Description = "Scenario files, or folders whose *.json files are run (not recursively; *.schema.json is skipped).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string>("--out-dir", "-d")
        {
            Description = "Folder for the results (created if missing). Each scenario FILE.json gives FILE.results.json " +
                          "(or .results.csv); names are sanitised and never leave this folder. Required for scenario files; " +
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
        command.SetAction((parse, cancellationToken) => Task.FromResult(parse.GetValue(sweep) is { } sweepFile
            ? SweepBatch.Execute(context, parse, sweepFile, inputs, outDir, common, cancellationToken)
            : Execute(context, parse, inputs, outDir, common, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string[]> inputs, Option<string> outDir,
        CommonOptions common, CancellationToken cancellationToken)
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
        var (files, failed) = Expand(context, parse.GetValue(inputs)!);
        var format = ResultFormats.Choose(parse.GetValue(common.Format), null);
        int written = 0;
        foreach (string file in files)
        {
            var loaded = ScenarioInput.Load(context, file, common.Settings(parse));
            ScenarioInput.Report(context.Error, ScenarioInput.Label(file), loaded.Diagnostics);
            if (!loaded.IsValid || loaded.Scenario is null)
            {
                context.Error.WriteLine($"{ScenarioInput.Label(file)}: skipped (invalid)");
                failed++;
                continue;
            }
            var scenario = common.Apply(parse, loaded.Scenario);
            var result = ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), Path.GetFileName(file), cancellationToken);
            string target = names.For(file, ".results" + ResultFormats.Extension(format));
            try
            {
                ResultFormats.Write(target, result, format);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{ScenarioInput.Label(file)}: cannot write '{Shown.Text(target)}': {e.Message}");
                failed++;
                continue;
            }
            written++;
            context.Error.WriteLine($"{ScenarioInput.Label(file)}: wrote {Shown.Text(target)}");
        }
        context.Error.WriteLine($"batch: {written} written, {failed} failed");
        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static (List<string> Files, int Failed) Expand(CliContext context, string[] inputs)
    {
        var files = new List<string>();
        int failed = 0;
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*.json")
                    .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
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
                context.Error.WriteLine($"{Shown.Text(input)}: error: no such file or folder");
                failed++;
            }
        }
        return (files, failed);
    }
}
