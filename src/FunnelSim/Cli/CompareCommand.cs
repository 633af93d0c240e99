using System.CommandLine;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim compare A.json B.json [--indication ID|total] [--year Y] [--metric NAME…] [--out FILE]</c> plus the
/// common options: both scenarios on the same seed and shared random streams, and the paired difference B − A.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "Scenario A, the reference (e.g. scenarios/us-national-base.json)." };
        var b = new Argument<string>("B") { Description = "Scenario B, the alternative (e.g. scenarios/whatif-rna-first-testing.json)." };
        var choice = OutputChoiceOptions.ForTable(ComparisonTable.HeadlineMetrics);
        var output = OutputTarget.Create("Write every indication × year × metric to FILE: JSON (scenarioA, scenarioB, run, " +
                                         "indications[], total), or CSV when FILE ends in .csv or --format csv is given. Written atomically.");
        var common = new CommonOptions();
        var command = new Command("compare", "Compare two scenarios: A, B and the paired difference B − A.\n\n" +
            "Both run with the same seed and iterations (A's, unless --seed/--iterations are given) on shared random streams " +
            "(common random numbers): iteration k of A and of B draw every input they share from the same numbers, so B − A " +
            "is the effect of what differs, with far less noise than two independent runs. Per metric: A's and B's summaries, " +
            "the mean and 90% interval (P5–P95) of B − A over iterations, and the share of iterations in which B > A " +
            "(the JSON also has B < A, B = A and the mean difference's Monte Carlo error); both use A's sampling design. " +
            "With costs in both scenarios money is compared too (costs, budgetImpact, pmpm, …; in currency units, the " +
            "difference kept in whole cents per iteration); an iteration in which either side has no value (budgetImpactPerTreated " +
            "with nobody treated) is left out of that difference and the count reported. " +
            "Only what both scenarios have is compared; indications, years or step metrics that only one has are listed on " +
            "standard error and left out.\n\n" +
            "Example: funnelsim compare scenarios/us-national-base.json scenarios/whatif-rna-first-testing.json --indication pdac\n" +
            "         funnelsim compare scenarios/payer-commercial-1m.json B.json --metric budgetImpact --metric pmpm\n\n" +
            "Exit codes: 0 success, 1 invalid scenario or file error, 2 usage error, 130 cancelled.")
        {
            a,
            b,
        };
        choice.AddTo(command);
        command.Add(output);
        common.AddTo(command);
        common.Format.Description = "Without --out: print json or csv instead of the table. With --out: the file's format " +
                                    "(default: from its extension, else json).";
        common.Set.Description = "Change scenario B (only B: A stays the reference) before both run: PATH=VALUE as in an overlay's " +
                                 "\"set\", repeatable. 'compare A.json A.json --set PATH=VALUE' is a quick what-if.";
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse,
            new Inputs(a, b, choice, output), common, cancellationToken)));
        return command;
    }

    private sealed record Inputs(Argument<string> A, Argument<string> B, OutputChoiceOptions Choice, Option<string?> Output);

    private static int Execute(CliContext context, ParseResult parse, Inputs inputs, CommonOptions common,
        CancellationToken cancellationToken)
    {
        string pathA = parse.GetRequiredValue(inputs.A), pathB = parse.GetRequiredValue(inputs.B);
        if (pathA == ScenarioInput.StandardInput && pathB == ScenarioInput.StandardInput)
        {
            context.Error.WriteLine("funnelsim compare: only one of A and B can be '-' (standard input).");
            return ExitCodes.UsageError;
        }
        var loadedA = ScenarioInput.Load(context, pathA, null, cancellationToken);
        var loadedB = ScenarioInput.Load(context, pathB, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(pathA), loadedA.Diagnostics);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(pathB), loadedB.Diagnostics);
        if (!loadedA.IsValid || !loadedB.IsValid || loadedA.Scenario is null || loadedB.Scenario is null) return ExitCodes.InvalidInput;

        string? outPath = parse.GetValue(inputs.Output);
        if (OutputTarget.Check(context, outPath, pathA, pathB) is { } refused) return refused;

        if (ResultFormats.WorkbookWithoutFile(context, "compare", parse.GetValue(common.Format), outPath)) return ExitCodes.UsageError;
        var scenarioA = common.Apply(parse, loadedA.Scenario);
        var scenarioB = common.Apply(parse, loadedB.Scenario);
        var settings = scenarioA.Simulation;
        if (parse.GetValue(common.Iterations) is null && scenarioB.Simulation.Iterations != settings.Iterations
            || parse.GetValue(common.Seed) is null && scenarioB.Simulation.Seed != settings.Seed)
        {
            context.Error.WriteLine($"note: B's simulation settings differ from A's; both run with A's {settings.Iterations:N0} " +
                                    $"iterations and seed {settings.Seed} (set --iterations/--seed to choose).");
        }
        if (ScenarioComparison.SamplingNote(scenarioA, scenarioB) is { } samplingNote) context.Error.WriteLine($"note: {samplingNote}.");
        var modelA = ModelCompiler.Compile(scenarioA);
        var modelB = ModelCompiler.Compile(scenarioB);
        foreach (string note in ComparisonCoverage.NotCompared(modelA, modelB)) context.Error.WriteLine($"note: not compared: {note}");

        int lastShared = Math.Min(scenarioA.StartYear + scenarioA.Years, scenarioB.StartYear + scenarioB.Years) - 1;
        if (lastShared < Math.Max(scenarioA.StartYear, scenarioB.StartYear))
        {
            context.Error.WriteLine($"funnelsim compare: A ({Years(scenarioA)}) and B ({Years(scenarioB)}) share no calendar year; nothing to compare.");
            return ExitCodes.InvalidInput;
        }
        string group = inputs.Choice.IndicationOf(parse);
        int year = parse.GetValue(inputs.Choice.Year) ?? lastShared;
        string[] asked = inputs.Choice.Metrics(parse);
        string[]? given = inputs.Choice.GivenMetrics(parse);
        var rows = asked.Select(metric => new OutputSelection(metric, group, year)).ToArray();
        if (!OutputChoiceOptions.Check(context, "compare", modelA, rows, "in A: ")
            || !OutputChoiceOptions.Check(context, "compare", modelB, rows, "in B: "))
            return ExitCodes.UsageError;

        var options = new RunOptions(settings.Iterations, settings.Seed, common.ThreadCount(parse));
        var comparison = AnalysisOutput.WithProgress(context, "comparing",
            progress => ScenarioComparison.Run(modelA, modelB, options, progress, cancellationToken));
        return AnalysisOutput.Present(context, parse.GetValue(common.Format), outPath,
            () => ComparisonJson.Write(comparison), () => ComparisonCsv.Write(comparison),
            () => ComparisonTable.Render(comparison, ScenarioInput.Label(pathA), ScenarioInput.Label(pathB), group, year,
                given ?? ComparisonTable.DefaultMetrics(comparison, group, year)),
            () => $"{comparison.Run.Iterations:N0} paired iterations in {comparison.Run.ElapsedSeconds:0.00} s",
            stream => Export.ComparisonWorkbook.Write(comparison, stream));
    }

    private static string Years(Scenario s) => $"{s.StartYear}–{s.StartYear + s.Years - 1}";
}
