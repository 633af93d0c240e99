using System.CommandLine;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim drivers [SCENARIO] --metric M [--indication ID|total] [--year Y] [--top N] [--max-draws N]</c> plus the
/// common options: which uncertain inputs drive one output, from one probabilistic run.
/// </summary>
internal static class DriversCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario JSON file (default: the built-in US national base case).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var choice = OutputChoiceOptions.ForOneOutput();
        var top = new Option<int>("--top")
        {
            Description = "Rows of the table printed; the --out file always has every input.",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
            CustomParser = CommandLineNumbers.WholeInt("--top", 1, int.MaxValue),
        };
        var maxDraws = new Option<int>("--max-draws")
        {
            Description = $"Analyse at most the first N iterations ({DriversOptions.MinDraws:N0} to " +
                          $"{DriversOptions.MaxMaxDraws:N0}); more draws refine the ranking little and cost time.",
            HelpName = "N",
            DefaultValueFactory = _ => DriversOptions.DefaultMaxDraws,
            CustomParser = CommandLineNumbers.WholeInt("--max-draws", DriversOptions.MinDraws, DriversOptions.MaxMaxDraws),
        };
        var output = OutputTarget.Create("Also write the full result to FILE: JSON, or CSV (one row per input) when FILE ends in .csv " +
                          "or --format csv is given. Written atomically.");
        var common = new CommonOptions();
        var command = new Command("drivers", "Which uncertain inputs drive one output (global sensitivity).\n\n" +
            "From one probabilistic run (the same draws as 'funnelsim run' with the same seed), every uncertain input — " +
            "each parameter with a range or distribution, and each uncertain ramp target — is ranked three ways: Spearman " +
            "rank correlation with the output, standardized regression coefficient (SRC), and permutation importance in a " +
            "gradient-boosted tree surrogate (ML.NET FastTree) fitted on 80% of the draws. The surrogate's R² on the 20% held-out " +
            "draws says whether to trust its importances; what the inputs do not explain is patient-level chance. Results do not depend on --threads.\n\n" +
            "Example: funnelsim drivers scenarios/us-national-base.json --metric treatedNew --indication pdac --year 2028\n\n" +
            "Exit codes: 0 success, 1 invalid scenario or file error, 2 usage error (unknown metric, indication or year), 130 cancelled.")
        {
            scenarioArgument,
        };
        choice.AddTo(command);
        command.Add(top);
        command.Add(maxDraws);
        command.Add(output);
        common.AddTo(command);
        common.Format.Description = "Without --out: print the result as json or csv instead of the table. With --out: the file's " +
                                    "format (default: from its extension, else json).";
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse, scenarioArgument, choice,
            top, maxDraws, output, common, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string?> scenarioArgument,
        OutputChoiceOptions choice, Option<int> top, Option<int> maxDraws, Option<string?> output, CommonOptions common,
        CancellationToken cancellationToken)
    {
        string? path = parse.GetValue(scenarioArgument);
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse));
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(output);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        var scenario = common.Apply(parse, loaded.Scenario);
        var model = ModelCompiler.Compile(scenario);
        var target = choice.Read(parse);
        if (!OutputChoiceOptions.Check(context, "drivers", model, [target])) return ExitCodes.UsageError;
        var options = new DriversOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed, common.ThreadCount(parse),
            parse.GetValue(maxDraws));
        if (options.Draws < DriversOptions.MinDraws)
        {
            context.Error.WriteLine($"funnelsim drivers: at least {DriversOptions.MinDraws} iterations are needed to rank " +
                                    $"drivers; got {options.Iterations:N0}.");
            return ExitCodes.UsageError;
        }

        var result = AnalysisOutput.WithProgress(context, "drivers",
            progress => DriversAnalysis.Run(model, target, options, progress, cancellationToken));
        return AnalysisOutput.Present(context, parse.GetValue(common.Format), outPath,
            () => DriversJson.Write(result), () => DriversCsv.Write(result),
            () => DriversTable.Render(result, parse.GetValue(top)),
            () => $"{result.Run.Draws:N0} draws in {result.Run.ElapsedSeconds:0.00} s");
    }
}
