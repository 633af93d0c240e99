using System.CommandLine;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Summaries;

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
        var output = OutputTarget.Create("Write the results to FILE (atomically: a failed or cancelled run leaves any existing " +
                                         "file as it was), as JSON, or CSV when FILE ends in .csv. Default: standard output.");
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
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse));
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(output);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        var scenario = common.Apply(parse, loaded.Scenario);
        if (ResultFormats.WorkbookWithoutFile(context, "run", parse.GetValue(common.Format), outPath)) return ExitCodes.UsageError;
        var format = ResultFormats.Choose(parse.GetValue(common.Format), outPath);
        var target = precision.Read(parse);
        if (target is not null && scenario.Simulation.Sampling == Model.SamplingMethod.LatinHypercube)
        {
            context.Error.WriteLine($"funnelsim run: --precision: {Summaries.PrecisionRun.LatinHypercubeRefusal}.");
            return ExitCodes.UsageError;
        }
        var result = target is null
            ? ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), "running", cancellationToken)
            : ScenarioRunner.RunToPrecision(context, scenario, target, common.ThreadCount(parse), cancellationToken);
        if (!ResultFormats.Write(context, outPath ?? OutputTarget.StandardOutput, result, format)) return ExitCodes.InvalidInput;
        if (outPath is not null)
            OutputTarget.ReportWritten(context, outPath, $"{result.Run.Iterations:N0} iterations in {result.Run.ElapsedSeconds:0.00} s");
        return ExitCodes.Success;
    }
}
