using System.CommandLine;
using System.CommandLine.Parsing;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Files;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// <c>--draws FILE.parquet|FILE.csv [--draw-metrics m1,m2,…]</c> of <c>run</c>, <c>budget</c> and <c>batch</c>: the run's
/// per-iteration draws (one row per iteration × indication and total × year, the chosen metrics and every uncertain input's
/// drawn value), written while the run goes and atomically. In <c>batch</c>, FILE is a name pattern (see <see cref="ForBatch"/>).
/// </summary>
internal sealed class DrawsOptions
{
    public DrawsOptions(bool batch = false)
    {
        Draws = new Option<string?>("--draws")
        {
            Description = batch
                ? "Also write each scenario's per-iteration draws, named by the pattern NAME.EXT: scenario S.json gives " +
                  "S.NAME.EXT beside S.results.json in the output folder (a sweep point, point-….NAME.EXT beside " +
                  "point-….results.json), Parquet for .parquet, CSV for .csv; batch.json (sweep.json) names each file. One row " +
                  "per iteration × indication (and total) × year, with the --draw-metrics and every uncertain input's drawn value."
                : "Also write the per-iteration draws to FILE: Parquet for FILE.parquet (typed, compressed; for R, pandas, " +
                  "Arrow), CSV for FILE.csv (Excel). One row per iteration × indication (and total) × year: iteration, " +
                  "indication, year, the --draw-metrics, then every uncertain input's drawn value by its path (the inputs " +
                  "'drivers' ranks). Written while the run goes, atomically; the same bytes for any --threads.",
            HelpName = batch ? "NAME.parquet|NAME.csv" : "FILE.parquet|FILE.csv",
        };
        Draws.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string?>();
            if (value is null) return;
            if (DrawsFormats.FromPath(value) is null)
                result.AddError($"--draws '{Shown.Text(value)}': the file name must end in .parquet or .csv (the format of the draws)");
            else if (batch && Path.GetFileName(value) != value)
                result.AddError($"--draws '{Shown.Text(value)}': in batch, give a file name without a folder (each scenario's draws " +
                                "go beside its results in the output folder)");
        });
        Metrics = new Option<string[]?>("--draw-metrics")
        {
            Description = "The metrics of the draws, comma-separated, by their results names (any count or money metric of an " +
                          "indication or the total, a step id, pmpm, …). Default: identified,treatedNew,onTreatment,doses and, " +
                          "with costs, costWith,costWithout,budgetImpact. Needs --draws.",
            HelpName = "m1,m2,…",
            CustomParser = ParseMetrics,
        };
    }

    public Option<string?> Draws { get; }

    public Option<string[]?> Metrics { get; }

    public void AddTo(Command command)
    {
        command.Add(Draws);
        command.Add(Metrics);
    }

    /// <summary>The draws file asked for; null when none.</summary>
    public string? File(ParseResult parse) => parse.GetValue(Draws);

    /// <summary>
    /// Null when the draws options fit <paramref name="scenario"/> (or none were given), else the exit code after saying
    /// why: <c>--draw-metrics</c> without <c>--draws</c>, a metric name this scenario has not (with the closest one), a
    /// draws file that is the scenario or the <c>--out</c> file. Usage errors (2), as for other options.
    /// </summary>
    public int? Check(CliContext context, string command, ParseResult parse, Scenario scenario, params string?[] otherFiles)
    {
        string? file = File(parse);
        var metrics = MetricsOf(parse);
        if (file is null)
        {
            if (metrics is null) return null;
            context.Error.WriteLine($"funnelsim {command}: --draw-metrics chooses the columns of --draws FILE; give --draws too.");
            return ExitCodes.UsageError;
        }
        if (metrics is not null && DrawsRun.CheckMetrics(ModelCompiler.Compile(scenario), metrics) is { } problem)
        {
            context.Error.WriteLine($"funnelsim {command}: --draw-metrics: {problem}");
            return ExitCodes.UsageError;
        }
        string target = AtomicFile.FinalTarget(Path.GetFullPath(file));
        foreach (string? other in otherFiles)
        {
            if (other is null or OutputTarget.StandardOutput or ScenarioInput.StandardInput) continue;
            if (!string.Equals(target, AtomicFile.FinalTarget(Path.GetFullPath(other)), StringComparison.Ordinal)) continue;
            context.Error.WriteLine($"funnelsim {command}: --draws '{Shown.Text(file)}' is also '{Shown.Text(other)}'; give the draws a file of their own.");
            return ExitCodes.UsageError;
        }
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            context.Error.WriteLine($"funnelsim: cannot write '{Shown.Text(file)}': folder '{Shown.Text(folder)}' does not exist.");
            return ExitCodes.InvalidInput;
        }
        return null;
    }

    /// <summary>The metrics asked for; null for the defaults.</summary>
    public IReadOnlyList<string>? MetricsOf(ParseResult parse) => parse.GetValue(Metrics) is { Length: > 0 } metrics ? metrics : null;

    /// <summary>
    /// In batch, the draws file of a run whose results file is <paramref name="resultsName"/> (a name in the output
    /// folder): the results name without <c>.results.EXT</c> (or its extension), then <c>.</c> and the --draws name.
    /// <c>base.results.json</c> and <c>--draws draws.parquet</c> give <c>base.draws.parquet</c>.
    /// </summary>
    public static string ForBatch(string resultsName, string drawsName)
    {
        string stem = Path.GetFileNameWithoutExtension(resultsName);
        if (stem.EndsWith(".results", StringComparison.Ordinal)) stem = stem[..^".results".Length];
        return stem + "." + drawsName;
    }

    /// <summary>
    /// For <c>batch</c>, before any scenario runs: null when the draws options can be used, else the usage error's exit code
    /// after saying why (<c>--draw-metrics</c> without <c>--draws</c>, or a name that is no metric but close to one, e.g.
    /// <c>tretedNew</c>). A name that may be a step id is checked against each scenario (<see cref="CheckFor"/>).
    /// </summary>
    public int? CheckNames(CliContext context, string command, ParseResult parse)
    {
        var metrics = MetricsOf(parse);
        if (File(parse) is null && metrics is not null)
        {
            context.Error.WriteLine($"funnelsim {command}: --draw-metrics chooses the columns of --draws FILE; give --draws too.");
            return ExitCodes.UsageError;
        }
        foreach (string metric in metrics ?? [])
        {
            if (MetricNames.Reserved.Contains(metric)) continue;
            if (Json.NameSuggestions.Closest(metric, MetricNames.Reserved) is not { } near) continue;
            context.Error.WriteLine($"funnelsim {command}: --draw-metrics: unknown metric '{Shown.Text(metric)}'; did you mean '{near}'?");
            return ExitCodes.UsageError;
        }
        return null;
    }

    /// <summary>Null when the chosen metrics (if any) are metrics of <paramref name="scenario"/>, else what is wrong.</summary>
    public string? CheckFor(ParseResult parse, Scenario scenario) =>
        File(parse) is not null && MetricsOf(parse) is { } metrics ? DrawsRun.CheckMetrics(ModelCompiler.Compile(scenario), metrics) : null;

    /// <summary>
    /// Runs <paramref name="scenario"/> and writes its draws to <paramref name="file"/> atomically (a failed or cancelled
    /// run leaves no file, and never replaces one). Null, after saying why, when the file cannot be written; throws
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static SimulationResult? Run(CliContext context, Scenario scenario, int threads, string label, string file,
        IReadOnlyList<string>? metrics, CancellationToken cancellationToken)
    {
        try
        {
            return RunOrThrow(context, scenario, threads, label, file, metrics, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim: cannot write the draws '{Shown.Text(file)}': {e.Message}");
            return null;
        }
    }

    /// <summary>As <see cref="Run"/>, but a file that cannot be written throws (batch reports it as the scenario's failure).</summary>
    public static SimulationResult RunOrThrow(CliContext context, Scenario scenario, int threads, string label, string file,
        IReadOnlyList<string>? metrics, CancellationToken cancellationToken)
    {
        var model = ModelCompiler.Compile(scenario);
        var options = new RunOptions(scenario.Simulation.Iterations, scenario.Simulation.Seed, threads);
        var format = DrawsFormats.FromPath(file) ?? throw new ArgumentException("not a draws file name", nameof(file));
        SimulationResult? result = null;
        AtomicFile.Write(file, stream => result = AnalysisOutput.WithProgress(context, label,
            progress => DrawsRun.Run(model, options, stream, format, metrics, progress, cancellationToken)));
        return result!;
    }

    private static string[]? ParseMetrics(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        var names = new List<string>();
        foreach (var token in result.Tokens)
        {
            foreach (string name in token.Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (name.Length == 0)
                {
                    result.AddError($"--draw-metrics '{Shown.Text(token.Value)}': an empty metric name (two commas, or a comma at an end)");
                    return null;
                }
                names.Add(name);
            }
        }
        return [.. names];
    }
}
