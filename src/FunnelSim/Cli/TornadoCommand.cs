using System.CommandLine;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim tornado [SCENARIO] --metric M [--indication ID|total] [--year Y] [--top N] [--method M]</c> plus the
/// common options: one-way sensitivity of one output.
/// </summary>
internal static class TornadoCommand
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
            Description = "Bars shown in the table (widest first); --format json|csv always has every bar.",
            HelpName = "N",
            DefaultValueFactory = _ => 15,
            CustomParser = CommandLineNumbers.WholeInt("--top", 1, int.MaxValue),
        };
        var output = OutputTarget.Create("Also write the full result to FILE: JSON, or CSV (one row per bar) when FILE ends in .csv or " +
                          "--format csv is given. Written atomically.");
        var method = new Option<string?>("--method")
        {
            Description = "expectation: the exact expected value of the output at each bar end (every funnel count has one); " +
                          "simulation: the mean over --iterations on shared random streams, with its MCSE. Default: the " +
                          "expectation where the output has one, else the simulation.",
            HelpName = "expectation|simulation",
        };
        method.AcceptOnlyFromAmong("expectation", "simulation");
        var common = new CommonOptions();
        var command = new Command("tornado", "One-way sensitivity (tornado) of one output.\n\n" +
            "Each uncertain input in turn is set to its low and its high end — the 2.5th and 97.5th percentiles of its " +
            "distribution (the written low and high of { value, low, high }) — with every other input at its base (the written " +
            "value of { value, low, high }, the mean of an explicit distribution). A ramp's " +
            "target is an input of its own ('PATH.ramp.to'), separate from where the ramp starts. With every input held, each " +
            "funnel count (incident through doses) has an exact expected value, so each bar end is that expectation: bars " +
            "show the inputs' effects and no sampling noise, computed in milliseconds. An output without one (or --method " +
            "simulation) is simulated instead: every bar end is the mean over the same iterations with the same random " +
            "streams for the patient-level counts (common random numbers), and each swing comes with its Monte Carlo " +
            "standard error. Bars are sorted by swing; inputs that cannot move the output (other indications, ramp targets " +
            "before the ramp) are listed as having no effect. Correlations and Latin hypercube sampling do not apply (no " +
            "input is drawn).\n\n" +
            $"When simulating, --iterations is the number of iterations per bar end (default {TornadoOptions.DefaultIterations:N0}, " +
            "not the scenario's simulation.iterations); --seed defaults to the scenario's. Results do not depend on --threads.\n\n" +
            "Example: funnelsim tornado scenarios/us-national-base.json --metric treatedNew --indication pdac --year 2028\n\n" +
            "Exit codes: 0 success, 1 invalid scenario or file error, 2 usage error (unknown metric, indication or year), 130 cancelled.")
        {
            scenarioArgument,
        };
        choice.AddTo(command);
        command.Add(top);
        command.Add(method);
        command.Add(output);
        common.AddTo(command);
        common.Iterations.Description = $"When simulating: iterations per bar end (default {TornadoOptions.DefaultIterations:N0}; at most " +
                                        $"{TornadoOptions.MaxIterations:N0}). More shrink each swing's ± MCSE as 1/√N.";
        common.Format.Description = "Without --out: print the result as json or csv instead of the table. With --out: the " +
                                    "file's format (default: from its extension, else json).";
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse,
            new Inputs(scenarioArgument, choice, top, method, output), common, cancellationToken)));
        return command;
    }

    private sealed record Inputs(Argument<string?> Scenario, OutputChoiceOptions Choice, Option<int> Top, Option<string?> Method,
        Option<string?> Output);

    private static int Execute(CliContext context, ParseResult parse, Inputs inputs, CommonOptions common,
        CancellationToken cancellationToken)
    {
        string? path = parse.GetValue(inputs.Scenario);
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(inputs.Output);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        var model = ModelCompiler.Compile(loaded.Scenario);
        var target = inputs.Choice.Read(parse);
        if (!OutputChoiceOptions.Check(context, "tornado", model, [target])) return ExitCodes.UsageError;
        TornadoMethod? method = parse.GetValue(inputs.Method) switch
        {
            "expectation" => TornadoMethod.Expectation,
            "simulation" => TornadoMethod.Simulation,
            _ => null,
        };
        if (method == TornadoMethod.Expectation && !new ExpectedFunnel(model).HasExpectation(target))
        {
            context.Error.WriteLine($"funnelsim tornado: '{target.Metric}' has no exact expectation; use --method simulation.");
            return ExitCodes.UsageError;
        }
        long iterations = parse.GetValue(common.Iterations) ?? TornadoOptions.DefaultIterations;
        if (iterations > TornadoOptions.MaxIterations)
        {
            context.Error.WriteLine($"funnelsim tornado: --iterations is per bar end here; at most {TornadoOptions.MaxIterations:N0}.");
            return ExitCodes.UsageError;
        }
        ulong seed = parse.GetValue(common.Seed) is long s ? (ulong)s : loaded.Scenario.Simulation.Seed;
        var options = new TornadoOptions(iterations, seed, common.ThreadCount(parse)) { Method = method };

        var result = AnalysisOutput.WithProgress(context, "tornado",
            progress => TornadoAnalysis.Run(model, target, options, progress, cancellationToken));
        return AnalysisOutput.Present(context, parse.GetValue(common.Format), outPath,
            () => TornadoJson.Write(result), () => TornadoCsv.Write(result),
            () => TornadoTable.Render(result, parse.GetValue(inputs.Top)),
            () => $"{result.Bars.Count} bars in {result.Run.ElapsedSeconds:0.00} s");
    }
}
