using FunnelSim.Files;
using System.CommandLine;
using System.Globalization;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;
using FunnelSim.Sweeps;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim batch --sweep SWEEP.json [--out-dir DIR]</c>: every combination of the sweep's axes, one after
/// another, each run on all threads (so results are those of individual runs, bit for bit). A point whose scenario
/// fails validation is reported and skipped; the rest still run; the exit code is 1 when any failed.
/// </summary>
internal static class SweepBatch
{
    public const string SummaryFile = "sweep.csv";
    public const string IndexFile = "sweep.json";
    /// <summary>A cancelled run's summary and index, written beside (never over) a complete one (issue 12, item 4).</summary>
    public const string PartialSummaryFile = "sweep.partial.csv";
    public const string PartialIndexFile = "sweep.partial.json";
    public const string WorkbookFile = "sweep.xlsx";

    public static int Execute(CliContext context, ParseResult parse, string sweepFile, Argument<string[]> inputs,
        Option<string> outDir, CommonOptions common, DrawsOptions draws, CancellationToken cancellationToken)
    {
        if (parse.GetValue(inputs) is { Length: > 0 })
        {
            context.Error.WriteLine("funnelsim: give either scenario files or --sweep, not both.");
            context.Error.WriteLine("Run 'funnelsim batch --help' for usage.");
            return ExitCodes.UsageError;
        }
        var read = SweepReader.ReadFile(sweepFile, cancellationToken);
        string sweepLabel = Shown.Text(sweepFile);
        ScenarioInput.Report(context.Error, sweepLabel, read.Diagnostics);
        if (!read.IsValid || read.Definition is null) return ExitCodes.InvalidInput;

        var planned = SweepPlan.Create(read.Definition, common.Settings(parse), cancellationToken);
        ScenarioInput.Report(context.Error, Shown.Text(read.Definition.BasePath), planned.BaseDiagnostics);
        ScenarioInput.Report(context.Error, sweepLabel, planned.AxisDiagnostics);
        if (planned.Plan is not { } plan) return ExitCodes.InvalidInput;
        foreach (string note in plan.Notes) context.Error.WriteLine($"{sweepLabel}: note: {note}");

        string folder = parse.GetValue(outDir) ?? OutputFileNames.Sanitize(Path.GetFileNameWithoutExtension(sweepFile)) + "-results";
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"funnelsim: cannot create output folder '{Shown.Text(folder)}': {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var format = ResultFormats.Choose(parse.GetValue(common.Format), null);
        var summary = new SweepCsv(plan.Axes);
        var workbook = format == ResultFormat.Xlsx ? new Export.SweepWorkbook(plan.Axes) : null;
        var reports = new List<SweepPointReport>();
        int width = (plan.Points.Length - 1).ToString(CultureInfo.InvariantCulture).Length;
        if (AnotherSweep(read.Definition, plan, folder, width, format) is { } other)
        {
            context.Error.WriteLine($"funnelsim: '{folder}' holds the results of another sweep ({other}); its index would disagree " +
                                    "with the point files. Choose another --out-dir, or empty the folder.");
            return ExitCodes.InvalidInput;
        }
        int failed = 0;
        foreach (var point in plan.Points)
        {
            string label = $"point {point.Index} ({point.Describe(plan.Axes)})";
            var values = plan.Axes.Select((a, i) => (a.Path, point.Values[i])).ToDictionary(x => x.Path, x => x.Item2);
            var scenario = plan.ScenarioAt(point);
            // The point's JSON is generated, so line numbers would point nowhere the user can open: paths only.
            var messages = scenario.Load.Diagnostics.Select(d => (d with { Line = null, Column = null }).ToString()).ToArray();
            foreach (string message in messages) context.Error.WriteLine($"{sweepLabel}: {label}: {message}");
            if (!scenario.Load.IsValid || scenario.Load.Scenario is null)
            {
                context.Error.WriteLine($"{sweepLabel}: {label}: skipped (invalid)");
                reports.Add(new SweepPointReport(point.Index, values, "invalid", null, [.. messages.Where(m => m.StartsWith("error", StringComparison.Ordinal))]));
                failed++;
                continue;
            }
            var pointScenario = common.Apply(parse, scenario.Load.Scenario);
            if (draws.CheckFor(parse, pointScenario) is { } unavailable)
            {
                context.Error.WriteLine($"{sweepLabel}: {label}: failed: --draw-metrics: {unavailable}");
                reports.Add(new SweepPointReport(point.Index, values, "failed", null, [$"--draw-metrics: {unavailable}"]));
                failed++;
                continue;
            }
            string name = FileName(point, width, format);
            string? drawsName = draws.File(parse) is { } pattern ? DrawsOptions.ForBatch(name, pattern) : null;
            Results.SimulationResult result;
            try
            {
                string progressLabel = $"point {point.Index + 1}/{plan.Points.Length}";
                result = drawsName is null
                    ? ScenarioRunner.Run(context, pointScenario, common.ThreadCount(parse), progressLabel, cancellationToken)
                    : DrawsOptions.RunOrThrow(context, pointScenario, common.ThreadCount(parse), progressLabel,
                        Path.Combine(folder, drawsName), draws.MetricsOf(parse), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The finished points' files exist: list them in a partial summary beside the complete one, which a
                // cancelled re-run must never replace.
                bool listed = WriteSummary(context, parse, common, read.Definition, plan, folder, summary, reports,
                    PartialSummaryFile, PartialIndexFile, null);
                context.Error.WriteLine($"funnelsim: cancelled after {reports.Count} of {plan.Points.Length} points" +
                                        (listed ? $"; {PartialIndexFile} and {PartialSummaryFile} in {folder} list those written" : "") +
                                        $"; {SummaryFile} and {IndexFile} were left as they were.");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A point that cannot be simulated never stops the others, and the summary is still written (issue 12, item 2).
                context.Error.WriteLine($"{sweepFile}: {label}: failed: {e.Message}");
                reports.Add(new SweepPointReport(point.Index, values, "failed", null, [e.Message]));
                failed++;
                continue;
            }
            try
            {
                ResultFormats.Write(Path.Combine(folder, name), result, format);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{sweepLabel}: {label}: cannot write '{name}': {e.Message}");
                reports.Add(new SweepPointReport(point.Index, values, "failed", null, [e.Message]));
                failed++;
                continue;
            }
            summary.Add(point, result);
            workbook?.Add(point, result);
            reports.Add(new SweepPointReport(point.Index, values, "ok", name, []) { Draws = drawsName });
            context.Error.WriteLine($"{sweepLabel}: {label}: wrote {name}" + (drawsName is null ? "" : $" and {drawsName}"));
        }

        if (!WriteSummary(context, parse, common, read.Definition, plan, folder, summary, reports, SummaryFile, IndexFile, workbook))
            return ExitCodes.InvalidInput;
        BatchCommand.TryDelete(Path.Combine(folder, PartialSummaryFile));
        BatchCommand.TryDelete(Path.Combine(folder, PartialIndexFile));
        context.Error.WriteLine($"sweep: {plan.Points.Length - failed} of {plan.Points.Length} points written to {folder} " +
                                $"({SummaryFile}, {IndexFile}){(failed > 0 ? $"; {failed} failed" : "")}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static bool WriteSummary(CliContext context, ParseResult parse, CommonOptions common, SweepDefinition definition,
        SweepPlan plan, string folder, SweepCsv summary, List<SweepPointReport> reports, string summaryFile, string indexFile,
        Export.SweepWorkbook? workbook)
    {
        var index = new SweepIndex(definition.BasePath,
            [.. plan.Axes.Select(a => new SweepAxisReport(a.Path, a.Values))], plan.Notes,
            parse.GetValue(common.Iterations), parse.GetValue(common.Seed) is long s ? (ulong)s : null, SummaryFile, reports);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(folder, summaryFile), summary.ToString());
            AtomicFile.WriteAllText(Path.Combine(folder, indexFile), SweepIndexJson.Write(index));
            if (workbook is not null) AtomicFile.Write(Path.Combine(folder, WorkbookFile), stream => workbook.Write(stream, definition.BasePath));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"funnelsim: cannot write the sweep summary in '{Shown.Text(folder)}': {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// What shows that <paramref name="folder"/> holds another sweep's results, or null: an index whose base or axes
    /// differ from this sweep's, or point files this sweep would not write (two sweeps into one folder left an index that
    /// disagreed with the point files). A re-run of the same sweep is fine: it rewrites the same files.
    /// </summary>
    private static string? AnotherSweep(SweepDefinition definition, SweepPlan plan, string folder, int width, ResultFormat format)
    {
        string index = Path.Combine(folder, IndexFile);
        if (File.Exists(index))
        {
            try
            {
                var existing = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(index));
                var ours = System.Text.Json.Nodes.JsonNode.Parse(SweepIndexJson.Write(new SweepIndex(definition.BasePath,
                    [.. plan.Axes.Select(a => new SweepAxisReport(a.Path, a.Values))], [], null, null, SummaryFile, [])));
                if (!System.Text.Json.Nodes.JsonNode.DeepEquals(existing?["base"], ours?["base"])
                    || !System.Text.Json.Nodes.JsonNode.DeepEquals(existing?["axes"], ours?["axes"]))
                    return $"its {IndexFile} names another base or other axes";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                return $"its {IndexFile} cannot be read: {e.Message}";
            }
        }
        var expected = new HashSet<string>(plan.Points.Select(p => FileName(p, width, format)), StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(folder, "point-*.results.*").Select(Path.GetFileName)
            .Where(name => name is not null && !expected.Contains(name)).Order(StringComparer.Ordinal).ToList();
        return stale.Count == 0 ? null
            : $"{stale.Count} point file{(stale.Count == 1 ? "" : "s")} this sweep would not write, e.g. {stale[0]}";
    }

    /// <summary><c>point-07_0.5_0.3.results.json</c>: the index (zero-padded, so names sort in run order), then the values.</summary>
    internal static string FileName(SweepPoint point, int width, ResultFormat format)
    {
        string values = string.Join('_', point.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        string stem = OutputFileNames.Sanitize($"point-{point.Index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}_{values}");
        return stem + ".results" + ResultFormats.Extension(format);
    }
}
