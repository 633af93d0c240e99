using System.CommandLine;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim run [SCENARIO] [--iterations N | --precision P [--max-iterations N]] [--seed S] [--threads T] [--out FILE] [--format json|csv]</c></summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario JSON file. Without it, the built-in US national base case " +
                          "(the same as scenarios/us-national-base.json) is run.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var common = new CommonOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the results to FILE (atomically: a failed or cancelled run leaves any existing file as it was). " +
                          "Default: standard output.",
            HelpName = "FILE",
        };
        var command = new Command("run", "Run one scenario and print its results (JSON by default).\n\n" +
            "The scenario is validated as written; --iterations and --seed then override it. Warnings go to standard error " +
            "and never stop a run. Exit codes: 0 success, 1 invalid scenario or file error, 2 usage error, 130 cancelled.")
        {
            scenarioArgument,
            output,
        };
        common.AddTo(command);
        var precision = new PrecisionOptions();
        precision.AddTo(command, common);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse, scenarioArgument, output, common,
            precision, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string?> scenarioArgument,
        Option<string?> output, CommonOptions common, PrecisionOptions precision, CancellationToken cancellationToken)
    {
        string? path = parse.GetValue(scenarioArgument);
        if (path is not null && path.StartsWith('-') && !File.Exists(path))
        {
            context.Error.WriteLine($"funnelsim: unknown option '{path}'.");
            context.Error.WriteLine("Run 'funnelsim run --help' for usage.");
            return ExitCodes.UsageError;
        }
        string label = path ?? ScenarioInput.BuiltInLabel;
        var loaded = ScenarioInput.Load(path, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, label, loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(output);
        if (outPath is not null && !OutputFolderExists(context, outPath)) return ExitCodes.InvalidInput;

        var scenario = common.Apply(parse, loaded.Scenario);
        if (ResultFormats.WorkbookWithoutFile(context, "run", parse.GetValue(common.Format), outPath)) return ExitCodes.UsageError;
        var format = ResultFormats.Choose(parse.GetValue(common.Format), outPath);
        var target = precision.Read(parse);
        if (target is not null && scenario.Simulation.Sampling == Scenarios.SamplingMethod.LatinHypercube)
        {
            context.Error.WriteLine($"funnelsim run: --precision: {Engine.PrecisionRun.LatinHypercubeRefusal}.");
            return ExitCodes.UsageError;
        }
        var result = target is null
            ? ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), "running", cancellationToken)
            : ScenarioRunner.RunToPrecision(context, scenario, target, common.ThreadCount(parse), cancellationToken);
        if (outPath is null)
        {
            context.Out.Write(ResultFormats.Render(result, format));
            context.Out.Flush();
            return ExitCodes.Success;
        }
        try
        {
            ResultFormats.Write(outPath, result, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"funnelsim: cannot write '{outPath}': {e.Message}");
            return ExitCodes.InvalidInput;
        }
        context.Error.WriteLine($"wrote {outPath} ({result.Run.Iterations:N0} iterations in {result.Run.ElapsedSeconds:0.00} s)");
        return ExitCodes.Success;
    }

    internal static bool OutputFolderExists(CliContext context, string outPath)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (Directory.Exists(outPath))
        {
            context.Error.WriteLine($"funnelsim: --out '{outPath}' is a folder; give a file name.");
            return false;
        }
        if (folder is not null && !Directory.Exists(folder))
        {
            context.Error.WriteLine($"funnelsim: cannot write '{outPath}': folder '{folder}' does not exist.");
            return false;
        }
        return true;
    }
}
