using FunnelSim.Files;
using System.CommandLine;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Summaries;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim run [SCENARIO] [--iterations N | --precision P [--max-iterations N]] [--seed S] [--threads T] [--out FILE] [--format json|csv] [--draws FILE.parquet|FILE.csv [--draw-metrics m1,m2,…]]</c></summary>
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
        var common = new CommonOptions(table: true);
        var output = OutputTarget.Create("Write the results to FILE (atomically: a failed or cancelled run leaves any existing " +
                                         "file as it was), as JSON, or CSV when FILE ends in .csv. Default: standard output.");
        var command = new Command("run", "Run one scenario and print its results: a table on a terminal, JSON for a pipe or file.\n\n" +
            "The scenario is validated as written; --iterations and --seed then override it. Warnings go to standard error " +
            "and never stop a run. Exit codes: 0 success, 1 invalid scenario or file error, 2 usage error, 130 cancelled (Ctrl+C), " +
            "143 stopped by SIGTERM.")
        {
            scenarioArgument,
            output,
        };
        common.AddTo(command);
        var precision = new PrecisionOptions();
        precision.AddTo(command, common);
        var shard = new ShardOptions();
        shard.AddTo(command, common, precision);
        var draws = new DrawsOptions();
        draws.AddTo(command);
        var cluster = new ClusterOptions();
        cluster.AddTo(command, precision, shard);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse, scenarioArgument, output, common,
            precision, shard, draws, cluster, cancellationToken)));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string?> scenarioArgument,
        Option<string?> output, CommonOptions common, PrecisionOptions precision, ShardOptions shard, DrawsOptions draws,
        ClusterOptions cluster,
        CancellationToken cancellationToken)
    {
        string? path = parse.GetValue(scenarioArgument);
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(output);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        var scenario = common.Apply(parse, loaded.Scenario);
        if (draws.Check(context, "run", parse, scenario, path, outPath) is { } drawsRefused) return drawsRefused;
        string? drawsFile = draws.File(parse);
        if (drawsFile is not null && (parse.GetValue(shard.Shard) is not null || precision.Read(parse) is not null))
        {
            context.Error.WriteLine("funnelsim run: --draws needs a whole run of a fixed length: not with --shard or --precision.");
            return ExitCodes.UsageError;
        }
        if (parse.GetValue(shard.Shard) is { } part)
            return ShardedRun.Execute(context, "run", scenario, part, common.ThreadCount(parse), outPath, cancellationToken);
        if (ResultFormats.WorkbookWithoutFile(context, "run", parse.GetValue(common.Format), outPath)) return ExitCodes.UsageError;
        var format = ResultFormats.Choose(parse.GetValue(common.Format), outPath, forPeople: context.OutIsTerminal);
        var target = precision.Read(parse);
        var result = parse.GetValue(cluster.Cluster) is { } clusterFile
            ? ClusterSession.RunOnce(context, "run", clusterFile, scenario, common.ThreadCount(parse), cancellationToken)
            : drawsFile is not null
            ? DrawsOptions.Run(context, scenario, common.ThreadCount(parse), "running", drawsFile, draws.MetricsOf(parse), cancellationToken)
            : target is null
                ? ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), "running", cancellationToken)
                : ScenarioRunner.RunToPrecision(context, scenario, target, common.ThreadCount(parse), cancellationToken);
        if (result is null) return ExitCodes.InvalidInput;
        if (drawsFile is not null) OutputTarget.ReportWritten(context, drawsFile, "per-iteration draws");
        bool written = format == ResultFormat.Table
            ? OutputTarget.Write(context, outPath ?? OutputTarget.StandardOutput,
                RunTable.Render(result, ScenarioInput.Label(path), outPath is null ? context.Width : CliContext.DefaultWidth))
            : ResultFormats.Write(context, outPath ?? OutputTarget.StandardOutput, result, format);
        if (!written) return ExitCodes.InvalidInput;
        if (outPath is not null)
            OutputTarget.ReportWritten(context, outPath, $"{result.Run.Iterations:N0} iterations in {result.Run.ElapsedSeconds:0.00} s");
        return ExitCodes.Success;
    }
}
