using System.CommandLine;
using System.Globalization;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Export;
using FunnelSim.Rendering;
using FunnelSim.Reporting;
using FunnelSim.Summaries;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim calibrate [SCENARIO] --observed OBSERVED.json [--out posterior.json] [--report FILE] [--draws N] [--seed S]
/// [--threads T] [--cluster FILE]</c>: Bayesian updating of the scenario's inputs from observed yearly counts.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario JSON file: the prior (default: the built-in US national base case).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var observed = new Option<string>("--observed")
        {
            Description = "The observed counts (JSON): { \"observations\": [ { \"indication\": \"nsclc\" | \"total\", \"year\": 2026, " +
                          "\"metric\": \"treatedNew\", \"value\": 41 }, … ] }; \"fraction\": 0.5 for counts over half a year.",
            HelpName = "FILE",
            Required = true,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where the posterior scenario goes (default: NAME.posterior.json beside the scenario; for the built-in " +
                          "case, in the current folder). A valid scenario: run, budget, drivers and report read it. Written atomically.",
            HelpName = "FILE",
        };
        var report = new Option<string?>("--report")
        {
            Description = "Also write the calibration report: FILE ending .html gives the HTML report of the posterior scenario " +
                          "(as 'funnelsim report' writes it) with a calibration section and charts of each series before and after " +
                          "the data; any other name gives JSON: prior and posterior of every input, each observation against the " +
                          "prior and posterior predictive, the projection, and the sampler's diagnostics.",
            HelpName = "FILE",
        };
        var draws = new Option<long?>("--draws")
        {
            Description = $"Posterior draws (particles; {CalibrationOptions.MinDraws:N0} to {CalibrationOptions.MaxDraws:N0}, default " +
                          $"{CalibrationOptions.DefaultDraws:N0}). More give smoother posteriors; time grows in proportion.",
            HelpName = "N",
            CustomParser = CommandLineNumbers.Whole("--draws", CalibrationOptions.MinDraws, CalibrationOptions.MaxDraws),
        };
        var common = new CommonOptions();
        var command = new Command("calibrate", "Update the scenario's inputs from observed counts (Bayesian calibration).\n\n" +
            "Which inputs must be wrong, and by how much, for the observed numbers to have happened? The prior is the scenario's " +
            "own distributions (correlations included). Given the inputs, every yearly count of new patients (incident, each " +
            "step, laterLine, tested, identified, treatedNew, …) is a Poisson count thinned by binomial steps, so the likelihood " +
            "of the observations is exact: Poisson for the outermost counts of a year, multinomial for counts nested inside them. " +
            "The posterior is sampled by sequential Monte Carlo with likelihood tempering; its effective sample size is reported, " +
            "and an observation outside the prior predictive 99% interval is flagged as a conflict between data and scenario.\n\n" +
            "Output: a table of every input's prior and posterior (mean, 90% interval, how far the data moved it), the " +
            "observations against the prior and posterior predictive, and the projection of the observed series and total new " +
            "starts; the posterior scenario file (each updated input an explicit distribution fitted to its posterior, with " +
            "source \"calibrated to FILE (DATE)\", rank correlations between updated inputs estimated).\n\n" +
            "Counts that carry over between years (onTreatment, doses) have no exact likelihood: they are scored approximately, " +
            "by approximate Bayesian computation (a Gaussian synthetic likelihood from 100 simulated histories per draw, given " +
            "the exact counts), which is slower and says so in the output. Money cannot be observed. Two exact counts of one year " +
            "must nest or not overlap (tested and identified, or nsclc and pdac; not fusionPositive and tested).\n\n" +
            "Same scenario, observations, seed and --draws give the same posterior on any thread count, and with --cluster on any " +
            "number of workers.\n\n" +
            "Example: funnelsim calibrate scenarios/us-national-base.json --observed scenarios/observed/illustrative-2026.json\n\n" +
            "Exit codes: 0 success, 1 invalid scenario or observations, or a file error, 2 usage error, 130 cancelled (Ctrl+C), " +
            "143 terminated.")
        {
            scenarioArgument,
        };
        command.Add(observed);
        command.Add(output);
        command.Add(report);
        command.Add(draws);
        common.Iterations.Description = "Iterations of the posterior scenario's run for --report FILE.html (default: its " +
                                        "simulation.iterations). The calibration itself is set by --draws.";
        command.Add(common.Iterations);
        command.Add(common.Seed);
        command.Add(common.Threads);
        command.Add(common.Set);
        var cluster = new ClusterOptions();
        cluster.Cluster.Description = "Run the sampler's per-particle work (the likelihoods of the prior draws and every stage's moves, " +
                                      "in chunks of particles) on the FunnelSim workers of the cluster FILE names (start them with " +
                                      "'funnelsim worker --cluster FILE'): the same posterior, byte for byte, as without it. " +
                                      "--threads then means threads per chunk on each worker. See docs/scale-out.md.";
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(context, parse,
            new Inputs(scenarioArgument, observed, output, report, draws, cluster.Cluster), common, cancellationToken)));
        return command;
    }

    private sealed record Inputs(Argument<string?> Scenario, Option<string> Observed, Option<string?> Output, Option<string?> Report,
        Option<long?> Draws, Option<string?> Cluster);

    private static int Execute(CliContext context, ParseResult parse, Inputs inputs, CommonOptions common, CancellationToken cancellationToken)
    {
        string? path = parse.GetValue(inputs.Scenario);
        var loaded = ScenarioInput.Load(context, path, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, ScenarioInput.Label(path), loaded.Diagnostics);
        if (!loaded.IsValid || loaded.Scenario is null) return ExitCodes.InvalidInput;

        string observedPath = parse.GetValue(inputs.Observed)!;
        string outPath = parse.GetValue(inputs.Output) ?? DefaultOut(path);
        string? reportPath = parse.GetValue(inputs.Report);
        if (OutputTarget.Check(context, outPath, path, observedPath) is { } refused) return refused;
        if (reportPath is not null && OutputTarget.Check(context, reportPath, path, observedPath) is { } refusedReport) return refusedReport;
        if (reportPath is not null && Path.GetFullPath(reportPath) == Path.GetFullPath(outPath))
        {
            context.Error.WriteLine("funnelsim calibrate: --report and --out name the same file; give two names.");
            return ExitCodes.UsageError;
        }

        var model = ModelCompiler.Compile(loaded.Scenario);
        var observations = ObservedCounts.ReadFile(observedPath, model, cancellationToken);
        ScenarioInput.Report(context.Error, Shown.Text(observedPath), observations.Diagnostics);
        if (!observations.IsValid) return ExitCodes.InvalidInput;

        ulong seed = parse.GetValue(common.Seed) is long s ? (ulong)s : loaded.Scenario.Simulation.Seed;
        int threads = common.ThreadCount(parse) is > 0 and var t ? t : Environment.ProcessorCount;
        var options = new CalibrationOptions((int)(parse.GetValue(inputs.Draws) ?? CalibrationOptions.DefaultDraws), seed, threads);

        string? clusterFile = parse.GetValue(inputs.Cluster);
        CalibrationResult result;
        try
        {
            if (clusterFile is null)
            {
                result = WithProgress(context, progress =>
                    Calibrator.Run(model, observations.Observations!, options, progress, cancellationToken));
            }
            else if (ClusterSession.Calibrate(context, clusterFile, model, observations.Observations!, options,
                         common.ThreadCount(parse), cancellationToken) is { } onCluster)
            {
                result = onCluster;
            }
            else
            {
                return ExitCodes.InvalidInput;
            }
        }
        catch (CalibrationException e)
        {
            context.Error.WriteLine($"funnelsim calibrate: {e.Message}.");
            return ExitCodes.InvalidInput;
        }

        foreach (string warning in result.Warnings) context.Error.WriteLine($"warning: {warning}.");
        string posterior = PosteriorScenario.Write(result, Path.GetFileName(observedPath), DateOnly.FromDateTime(DateTime.Now));
        // Everything is computed before anything is written: a cancelled report run leaves no posterior behind either.
        bool html = reportPath is not null && (reportPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                                               || reportPath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase));
        string? reportText = reportPath is null ? null
            : html ? HtmlReportOf(context, result, posterior, outPath, Shown.Text(Path.GetFileName(observedPath)), threads,
                parse.GetValue(common.Iterations), cancellationToken)
            : CalibrationJson.Write(result, Simulator.EngineVersion);
        if (!OutputTarget.Write(context, outPath, posterior)) return ExitCodes.InvalidInput;
        OutputTarget.ReportWritten(context, outPath, "posterior scenario");
        if (reportPath is not null)
        {
            if (!OutputTarget.Write(context, reportPath, reportText!)) return ExitCodes.InvalidInput;
            OutputTarget.ReportWritten(context, reportPath, html ? "report of the posterior scenario, with the calibration" : "calibration report");
        }
        if (outPath == OutputTarget.StandardOutput || reportPath == OutputTarget.StandardOutput) return ExitCodes.Success;
        context.Out.Write(CalibrationTable.Render(result, Shown.Text(observedPath)));
        context.Out.Flush();
        return ExitCodes.Success;
    }

    /// <summary>The HTML report of the posterior scenario (run at its own settings), with a calibration section.</summary>
    private static string HtmlReportOf(CliContext context, CalibrationResult calibration, string posterior, string posteriorPath,
        string observedName, int threads, long? iterations, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.Read(posterior).Scenario!;
        if (iterations is long n) scenario = scenario with { Simulation = scenario.Simulation with { Iterations = n } };
        var result = ScenarioRunner.Run(context, scenario, threads, "running the posterior", cancellationToken);
        var source = new ReportSource(posteriorPath, ScenarioHash.OfFile(System.Text.Encoding.UTF8.GetBytes(posterior)), ScenarioHash.FileBytes,
            DateTimeOffset.UtcNow);
        var report = AnalysisOutput.WithProgress(context, "tornado",
            progress => ReportBuilder.Build(result, source, new ReportOptions { Threads = threads }, progress, cancellationToken))
            with { Calibration = calibration, CalibrationSource = observedName };
        var charts = ReportCharts.All(report);
        try
        {
            return HtmlReport.Write(report, charts);
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }
    }

    private static string DefaultOut(string? scenarioPath)
    {
        if (scenarioPath is null or ScenarioInput.StandardInput) return "us-national-base.posterior.json";
        string name = Path.GetFileNameWithoutExtension(scenarioPath);
        return Path.Combine(Path.GetDirectoryName(scenarioPath) ?? "", name + ".posterior.json");
    }

    private static T WithProgress<T>(CliContext context, Func<IProgress<double>?, T> run)
    {
        if (!context.ErrorIsTerminal) return run(null);
        try
        {
            return run(new StageProgress(context.Error));
        }
        finally
        {
            context.Error.Write("\r" + new string(' ', 79) + "\r");
            context.Error.Flush();
        }
    }

    /// <summary>A bar of the likelihood's power (0 = prior, 1 = posterior) and the stage count; the sampler reports between stages.</summary>
    private sealed class StageProgress(TextWriter error) : IProgress<double>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private int _stage;

        public void Report(double power)
        {
            _stage++;
            int filled = (int)Math.Round(Math.Clamp(power, 0, 1) * 28);
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rcalibrate [{new string('█', filled)}{new string('░', 28 - filled)}] power {power:0.000}  stage {_stage}  {_clock.Elapsed.TotalSeconds:0.0} s "));
            error.Flush();
        }
    }
}
