using System.CommandLine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim report SCENARIO|RESULTS.json [--out report.html] [--iterations N] [--seed S] [--threads T] [--png DIR]</c>:
/// one self-contained HTML report (charts inline as SVG); from a scenario it runs it first.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("SCENARIO|RESULTS.json")
        {
            Description = "A scenario file (run first), or a results JSON file written by 'funnelsim run' (its results and the " +
                          "scenario echoed in it are used as they are).",
        };
        var output = OutputTarget.Create("The HTML file to write (atomically). Default: NAME.report.html beside the input, NAME " +
                                         "being its file name without .json and without .results.");
        var png = new Option<string?>("--png")
        {
            Description = "Also write each chart as a PNG file into DIR (created if missing), named after the chart (funnel-pdac.png, …).",
            HelpName = "DIR",
        };
        var common = new CommonOptions();
        var command = new Command("report", "Write a report people can share: one self-contained HTML file (no network needed " +
            "to view it; prints to PDF from a browser) with the headline and its 90% intervals, the funnel per indication with " +
            "the patients lost, fan charts over the years, the distribution of the last year's new starts, with costs the ISPOR " +
            "budget table and the annual budget impact, tornadoes, every input with its distribution and source, and the " +
            "provenance (seed, iterations, engine version, the scenario's SHA-256).\n\n" +
            "Examples: funnelsim report scenarios/payer-commercial-1m.json\n" +
            "          funnelsim run scenarios/us-national-base.json --out base.results.json && funnelsim report base.results.json\n\n" +
            "Exit codes: 0 success, 1 invalid input or file error, 2 usage error, 130 cancelled.")
        {
            input,
            output,
            png,
        };
        command.Add(common.Iterations);
        command.Add(common.Seed);
        command.Add(common.Threads);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse, input, output, png, common, cancellationToken)));
        return command;
    }

    /// <summary>The default output: <c>NAME.report.html</c> beside <paramref name="input"/>.</summary>
    internal static string DefaultOutput(string input)
    {
        string name = Path.GetFileName(input);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) name = name[..^".json".Length];
        if (name.EndsWith(".results", StringComparison.OrdinalIgnoreCase)) name = name[..^".results".Length];
        return Path.Combine(Path.GetDirectoryName(input) ?? "", name + ".report.html");
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string> input, Option<string?> output,
        Option<string?> png, CommonOptions common, CancellationToken cancellationToken)
    {
        string path = parse.GetRequiredValue(input);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim report: cannot read '{ScenarioInput.Label(path)}': {e.Message}");
            return ExitCodes.InvalidInput;
        }
        string outPath = parse.GetValue(output) ?? DefaultOutput(path);
        if (OutputTarget.Check(context, outPath, path) is { } refused) return refused;

        SimulationResult result;
        ReportSource source;
        if (ResultJsonReader.LooksLikeResults(bytes))
        {
            if (parse.GetValue(common.Iterations) is not null || parse.GetValue(common.Seed) is not null)
            {
                context.Error.WriteLine($"funnelsim report: {ScenarioInput.Label(path)} holds results already; --iterations and --seed apply when the input is a scenario.");
                return ExitCodes.UsageError;
            }
            var loaded = ResultJsonReader.Read(bytes);
            ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
            if (!loaded.IsValid || loaded.Result is null) return ExitCodes.InvalidInput;
            result = loaded.Result;
            source = new ReportSource(path, ScenarioHash.OfCanonical(result.Scenario), ScenarioHash.CanonicalForm, DateTimeOffset.UtcNow);
        }
        else
        {
            var loaded = ScenarioInput.Load(context, path);
            ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
            if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;
            var scenario = common.Apply(parse, loaded.Scenario);
            result = ScenarioRunner.Run(context, scenario, common.ThreadCount(parse), "running", cancellationToken);
            source = new ReportSource(path, ScenarioHash.OfFile(bytes), ScenarioHash.FileBytes, DateTimeOffset.UtcNow);
        }

        var options = new ReportOptions { Threads = common.ThreadCount(parse) };
        var report = AnalysisOutput.WithProgress(context, "tornado",
            progress => ReportBuilder.Build(result, source, options, progress, cancellationToken));
        var charts = ReportCharts.All(report);
        try
        {
            if (!OutputTarget.Write(context, outPath, HtmlReport.Write(report, charts))) return ExitCodes.InvalidInput;
            if (parse.GetValue(png) is { } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (var chart in charts) AtomicFile.WriteAllBytes(Path.Combine(folder, chart.Id + ".png"), chart.Png());
                context.Error.WriteLine($"wrote {charts.Count} charts as PNG to {Shown.Text(folder)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"funnelsim: cannot write '{Shown.Text(outPath)}': {e.Message}");
            return ExitCodes.InvalidInput;
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }
        OutputTarget.ReportWritten(context, outPath, $"{charts.Count} charts; {result.Run.Iterations:N0} iterations, seed {result.Run.Seed}");
        return ExitCodes.Success;
    }
}
