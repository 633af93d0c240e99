using System.CommandLine;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim batch DIR|FILES… --out-dir DIR</c>: one result file per scenario. A bad scenario is reported and
/// skipped; the rest still run; the exit code says whether any failed.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("DIR|FILE")
        {
            Description = "Scenario files, or folders whose *.json files are run (not recursively; *.schema.json is skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out-dir", "-d")
        {
            Description = "Folder for the results (created if missing). Each scenario FILE.json gives FILE.results.json " +
                          "(or .results.csv); names are sanitised and never leave this folder.",
            HelpName = "DIR",
            Required = true,
        };
        var common = new CommonOptions();
        var command = new Command("batch", "Run many scenarios, one result file each.\n\n" +
            "--iterations, --seed, --threads and --format apply to every scenario. Exit codes: 0 all ran, 1 some scenario " +
            "was invalid or failed (the others still ran), 2 usage error, 130 cancelled.")
        {
            inputs,
            outDir,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            Task.FromResult(Execute(context, parse, inputs, outDir, common, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string[]> inputs, Option<string> outDir,
        CommonOptions common, CancellationToken cancellationToken)
    {
        string folder = parse.GetRequiredValue(outDir);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim: cannot create output folder '{folder}': {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var names = new OutputFileNames(folder);
        var (files, failed) = Expand(context, parse.GetValue(inputs) ?? []);
        var format = ResultFormats.Choose(parse.GetValue(common.Format), null);
        int written = 0;
        foreach (string file in files)
        {
            var loaded = ScenarioInput.Load(file);
            ScenarioInput.Report(context.Error, file, loaded.Diagnostics);
            if (!loaded.IsValid || loaded.Scenario is null)
            {
                context.Error.WriteLine($"{file}: skipped (invalid)");
                failed++;
                continue;
            }
            var scenario = common.Apply(parse, loaded.Scenario);
            var result = ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), Path.GetFileName(file), cancellationToken);
            string target = names.For(file, ".results" + ResultFormats.Extension(format));
            try
            {
                AtomicFile.WriteAllText(target, ResultFormats.Render(result, format));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{file}: cannot write '{target}': {e.Message}");
                failed++;
                continue;
            }
            written++;
            context.Error.WriteLine($"{file}: wrote {target}");
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
                if (found.Count == 0) context.Error.WriteLine($"{input}: no *.json scenario files in this folder");
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                context.Error.WriteLine($"{input}: error: no such file or folder");
                failed++;
            }
        }
        return (files, failed);
    }
}
