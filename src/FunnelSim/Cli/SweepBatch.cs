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
    public const string WorkbookFile = "sweep.xlsx";

    public static int Execute(CliContext context, ParseResult parse, string sweepFile, Argument<string[]> inputs,
        Option<string> outDir, CommonOptions common, CancellationToken cancellationToken)
    {
        if (parse.GetValue(inputs) is { Length: > 0 })
        {
            context.Error.WriteLine("funnelsim: give either scenario files or --sweep, not both.");
            context.Error.WriteLine("Run 'funnelsim batch --help' for usage.");
            return ExitCodes.UsageError;
        }
        var read = SweepReader.ReadFile(sweepFile);
        string sweepLabel = Shown.Text(sweepFile);
        ScenarioInput.Report(context.Error, sweepLabel, read.Diagnostics);
        if (!read.IsValid || read.Definition is null) return ExitCodes.InvalidInput;

        var planned = SweepPlan.Create(read.Definition, common.Settings(parse));
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
            Results.SimulationResult result;
            try
            {
                result = ScenarioRunner.Run(context, common.Apply(parse, scenario.Load.Scenario), common.ThreadCount(parse),
                    $"point {point.Index + 1}/{plan.Points.Length}", cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The finished points' files exist: keep the summary and index consistent with them.
                WriteSummary(context, parse, common, read.Definition, plan, folder, summary, reports, workbook);
                context.Error.WriteLine($"funnelsim: cancelled after {reports.Count} of {plan.Points.Length} points; " +
                                        $"{IndexFile} in {Shown.Text(folder)} lists those written.");
                return ExitCodes.Cancelled;
            }
            string name = FileName(point, width, format);
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
            reports.Add(new SweepPointReport(point.Index, values, "ok", name, []));
            context.Error.WriteLine($"{sweepLabel}: {label}: wrote {name}");
        }

        if (!WriteSummary(context, parse, common, read.Definition, plan, folder, summary, reports, workbook)) return ExitCodes.InvalidInput;
        context.Error.WriteLine($"sweep: {plan.Points.Length - failed} of {plan.Points.Length} points written to {Shown.Text(folder)} " +
                                $"({SummaryFile}, {IndexFile}){(failed > 0 ? $"; {failed} failed" : "")}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static bool WriteSummary(CliContext context, ParseResult parse, CommonOptions common, SweepDefinition definition,
        SweepPlan plan, string folder, SweepCsv summary, List<SweepPointReport> reports, Export.SweepWorkbook? workbook)
    {
        var index = new SweepIndex(definition.BasePath,
            [.. plan.Axes.Select(a => new SweepAxisReport(a.Path, a.Values))], plan.Notes,
            parse.GetValue(common.Iterations), parse.GetValue(common.Seed) is long s ? (ulong)s : null, SummaryFile, reports);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(folder, SummaryFile), summary.ToString());
            AtomicFile.WriteAllText(Path.Combine(folder, IndexFile), SweepIndexJson.Write(index));
            if (workbook is not null) AtomicFile.Write(Path.Combine(folder, WorkbookFile), stream => workbook.Write(stream, definition.BasePath));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"funnelsim: cannot write the sweep summary in '{Shown.Text(folder)}': {e.Message}");
            return false;
        }
    }

    /// <summary><c>point-07_0.5_0.3.results.json</c>: the index (zero-padded, so names sort in run order), then the values.</summary>
    internal static string FileName(SweepPoint point, int width, ResultFormat format)
    {
        string values = string.Join('_', point.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        string stem = OutputFileNames.Sanitize($"point-{point.Index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}_{values}");
        return stem + ".results" + ResultFormats.Extension(format);
    }
}
