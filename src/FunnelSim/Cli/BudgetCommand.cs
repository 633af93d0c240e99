using FunnelSim.Files;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim budget SCENARIO [--iterations N] [--seed S] [--threads T] [--threshold AMOUNT] [--out FILE] [--format json|csv]</c>:
/// a payer's budget impact table (years as columns; mean and 90% interval).
/// </summary>
internal static class BudgetCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string>("SCENARIO")
        {
            Description = "Scenario JSON file with a 'costs' block, e.g. scenarios/payer-commercial-1m.json.",
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Annual budget impact to plan against, in the scenario's currency (e.g. 500000, 500,000, 500_000 or 5e5): the table " +
                          "adds the probability that each year's budget impact exceeds it. Overrides costs.budgetThreshold.",
            HelpName = "AMOUNT",
            CustomParser = CommandLineNumbers.Amount("--threshold", 1e15, "500000, 500,000 or 1e6"),
        };
        var output = OutputTarget.Create("Also write the full results to FILE — every indication and the total, each year, " +
                                         "every funnel count (incident through doses, each step) and every cost metric, with sd, MC " +
                                         "standard error and percentiles: JSON, or CSV when FILE ends in .csv or --format csv is given. " +
                                         "Written atomically.");
        var common = new CommonOptions();
        var command = new Command("budget", "Budget impact for a payer, ISPOR style: cost with BIZENGRI minus cost without, " +
            "per year, with PMPM for a plan.\n\n" +
            "The world without BIZENGRI treats the same patients with the comparator of the scenario's costs. The table shows, per " +
            "calendar year, the mean and 90% interval (P5–P95) of patients eligible and treated, each cost line, the budget impact " +
            "and PMPM (budget impact / (members × 12)), and with --threshold the probability that the year's budget impact exceeds it.\n\n" +
            "Example: funnelsim budget scenarios/payer-commercial-1m.json --threshold 500000\n\n" +
            "Exit codes: 0 success, 1 invalid scenario, a scenario without costs or a file error, 2 usage error, 130 cancelled.")
        {
            scenarioArgument,
            threshold,
            output,
        };
        common.AddTo(command);
        var shard = new ShardOptions();
        shard.AddTo(command, common);
        var draws = new DrawsOptions();
        draws.AddTo(command);
        common.Format.Description = "Without --out: print json or csv instead of the table. With --out: the file's format " +
                                    "(default: from its extension, else json).";
        command.SetAction((parse, cancellationToken) => Task.FromResult(
            Execute(context, parse, scenarioArgument, threshold, output, common, shard, draws, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string> scenarioArgument, Option<double?> threshold,
        Option<string?> output, CommonOptions common, ShardOptions shard, DrawsOptions draws, CancellationToken cancellationToken)
    {
        string path = parse.GetRequiredValue(scenarioArgument);
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;
        if (loaded.Scenario.Costs is not { } costs)
        {
            context.Error.WriteLine($"funnelsim budget: {ScenarioInput.Label(path)} has no 'costs' block, so there is no budget impact to show. Add costs " +
                                    "(drug per dose, tests, a comparator per indication; see docs/scenario-format.md, \"Costs\"), or start " +
                                    "from scenarios/payer-commercial-1m.json.");
            return ExitCodes.InvalidInput;
        }

        string? outPath = parse.GetValue(output);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        if (ResultFormats.WorkbookWithoutFile(context, "budget", parse.GetValue(common.Format), outPath)) return ExitCodes.UsageError;
        var scenario = common.Apply(parse, loaded.Scenario);
        if (parse.GetValue(threshold) is { } amount) scenario = scenario with { Costs = costs with { BudgetThreshold = amount } };
        if (draws.Check(context, "budget", parse, scenario, path, outPath) is { } drawsRefused) return drawsRefused;
        string? drawsFile = draws.File(parse);
        if (drawsFile is not null && parse.GetValue(shard.Shard) is not null)
        {
            context.Error.WriteLine("funnelsim budget: --draws needs a whole run: not with --shard.");
            return ExitCodes.UsageError;
        }
        if (parse.GetValue(shard.Shard) is { } part)
            return ShardedRun.Execute(context, "budget", scenario, part, common.ThreadCount(parse), outPath, cancellationToken);
        var result = drawsFile is null
            ? ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), "budget", cancellationToken)
            : DrawsOptions.Run(context, scenario, common.ThreadCount(parse), "budget", drawsFile, draws.MetricsOf(parse), cancellationToken);
        if (result is null) return ExitCodes.InvalidInput;
        if (drawsFile is not null) OutputTarget.ReportWritten(context, drawsFile, "per-iteration draws");

        string? format = parse.GetValue(common.Format);
        if (outPath is not null)
        {
            var chosen = ResultFormats.Choose(format, outPath);
            if (!ResultFormats.Write(context, outPath, result, chosen)) return ExitCodes.InvalidInput;
            OutputTarget.ReportWritten(context, outPath, $"{result.Run.Iterations:N0} iterations in {result.Run.ElapsedSeconds:0.00} s");
            if (outPath == OutputTarget.StandardOutput) return ExitCodes.Success;
        }
        string text = (format, outPath) switch
        {
            ("json", null) => ResultJson.Write(result),
            ("csv", null) => ResultCsv.Write(result),
            _ => BudgetTable.Render(result, ScenarioInput.Label(path)),
        };
        context.Out.Write(text);
        context.Out.Flush();
        return ExitCodes.Success;
    }
}
