using System.CommandLine;
using System.Text.Json;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Sweeps;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim validate FILE…</c>: errors and warnings of each scenario or sweep file; exit 1 when any file has errors.
/// A sweep (a JSON object with <c>axes</c>) is validated as a sweep: its own structure, its base scenario, its axes' paths
/// and the scenario at every point. An observed-counts file (a JSON object with <c>observations</c>, for <c>calibrate</c>) is
/// checked against the built-in base case, as <c>calibrate</c> without a scenario would. JSON Schemas (<c>*.schema.json</c>)
/// are skipped with a note. <c>--set</c> changes each scenario file before it is checked, as it does for <c>run</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario, sweep or observed-counts JSON files to check ('-' reads a scenario from standard input; " +
                          "*.schema.json is skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = new CommonOptions().Set;
        set.Description = "Change each scenario file before it is checked, as run's --set does: PATH=VALUE, repeatable. " +
                          "Example: --set indications[pdac].testing.uptake.value=0.7";
        var command = new Command("validate", "Check scenario, sweep and observed-count files without running them.\n\n" +
            "Prints every error and warning as 'FILE: error: PATH (line L, column C): message' and 'FILE: ok' for a valid file. " +
            "A sweep file ({ \"base\": …, \"axes\": [ … ] }) is checked as a sweep: its base scenario, each axis path and the " +
            "scenario at every point. An observed-counts file ({ \"observations\": [ … ] }, for calibrate) is checked against " +
            "the built-in base case, as calibrate without a scenario would (calibrate checks it against its own scenario). " +
            "JSON Schema files (*.schema.json) are skipped with a note, so " +
            "'funnelsim validate scenarios/*.json scenarios/*/*.json' checks a whole folder. With --set, each scenario file is " +
            "checked as changed (a run with the same --set would run it).\n\n" +
            "Exit codes: 0 all valid (warnings allowed), 1 some file has errors, 2 usage error.")
        {
            files,
            set,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Validate(context, parse, files, set, cancellationToken)));
        return command;
    }

    private static int Validate(CliContext context, ParseResult parse, Argument<string[]> files, Option<OverlaySetting[]> set,
        CancellationToken cancellationToken)
    {
        bool allValid = true;
        IReadOnlyList<OverlaySetting> settings = parse.GetValue(set) ?? [];
        CompiledModel? baseCase = null;
        foreach (string file in parse.GetValue(files) ?? [])
        {
            string label = ScenarioInput.Label(file);
            if (file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            {
                context.Out.WriteLine($"{label}: skipped (a JSON Schema, not a scenario)");
                continue;
            }
            var kind = file == ScenarioInput.StandardInput ? FileKind.Scenario : KindOf(file);
            allValid &= kind switch
            {
                FileKind.Sweep => ValidateSweep(context, file, label),
                FileKind.Observed => ValidateObserved(context, file, label, baseCase ??= BaseCase(cancellationToken), cancellationToken),
                _ => ValidateScenario(context, file, label, settings, cancellationToken),
            };
        }
        return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private enum FileKind
    {
        Scenario,
        Sweep,
        Observed,
    }

    private static CompiledModel BaseCase(CancellationToken cancellationToken) =>
        ModelCompiler.Compile(ScenarioLoader.ReadBuiltIn(null, cancellationToken).Scenario
                              ?? throw new InvalidOperationException("the built-in base case is invalid"));

    private static bool ValidateObserved(CliContext context, string file, string label, CompiledModel baseCase,
        CancellationToken cancellationToken)
    {
        var read = ObservedCounts.ReadFile(file, baseCase, cancellationToken);
        ScenarioInput.Report(context.Out, label, read.Diagnostics);
        if (!read.IsValid)
            context.Out.WriteLine($"{label}: (observed counts, checked against the built-in base case; calibrate checks them " +
                                  "against the scenario it calibrates)");
        else
            context.Out.WriteLine($"{label}: ok (observed counts, {read.Observations!.Count:N0} " +
                                  $"observation{(read.Observations.Count == 1 ? "" : "s")}, checked against the built-in base case)" +
                                  Warnings(read.Diagnostics.Count(d => !d.IsError)));
        return read.IsValid;
    }

    private static bool ValidateScenario(CliContext context, string file, string label, IReadOnlyList<OverlaySetting> settings,
        CancellationToken cancellationToken)
    {
        var loaded = ScenarioInput.Load(context, file, settings, cancellationToken);
        ScenarioInput.Report(context.Out, label, loaded.Diagnostics);
        if (loaded.IsValid) context.Out.WriteLine($"{label}: ok{Warnings(loaded.Warnings.Count())}");
        return loaded.IsValid;
    }

    private static bool ValidateSweep(CliContext context, string file, string label)
    {
        var read = SweepReader.ReadFile(file);
        ScenarioInput.Report(context.Out, label, read.Diagnostics);
        if (!read.IsValid || read.Definition is null) return false;
        var planned = SweepPlan.Create(read.Definition);
        ScenarioInput.Report(context.Out, $"{label}: base {Shown.Text(read.Definition.BasePath)}", planned.BaseDiagnostics);
        ScenarioInput.Report(context.Out, label, planned.AxisDiagnostics);
        if (planned.Plan is not { } plan) return false;
        int warnings = read.Diagnostics.Count(d => !d.IsError) + planned.BaseDiagnostics.Count(d => !d.IsError)
                       + planned.AxisDiagnostics.Count(d => !d.IsError);
        bool valid = true;
        foreach (var point in plan.Points)
        {
            var load = plan.ScenarioAt(point).Load;
            // The point's JSON is generated: its line numbers point nowhere the user can open, so paths only.
            foreach (var error in load.Diagnostics.Where(d => d.IsError))
                context.Out.WriteLine($"{label}: point {point.Index} ({point.Describe(plan.Axes)}): {error with { Line = null, Column = null }}");
            valid &= load.IsValid;
        }
        if (valid) context.Out.WriteLine($"{label}: ok (sweep of {plan.Points.Length:N0} points){Warnings(warnings)}");
        return valid;
    }

    private static string Warnings(int count) => count == 0 ? "" : $" ({count} warning{(count == 1 ? "" : "s")})";

    /// <summary>
    /// What the file holds: a sweep (a JSON object with an <c>axes</c> property), observed counts (one with
    /// <c>observations</c> and no <c>indications</c>), else a scenario (whose reader reports what is wrong with it).
    /// </summary>
    private static FileKind KindOf(string file)
    {
        try
        {
            // At most a sweep's size limit is read, counted as read (a device or pipe has no length up front).
            const int limit = 1024 * 1024;
            using var stream = File.OpenRead(file);
            var bytes = new byte[limit + 1];
            int total = 0, read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0) total += read;
            if (total > limit) return FileKind.Scenario;
            using var document = JsonDocument.Parse(bytes.AsMemory(0, total));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return FileKind.Scenario;
            if (root.TryGetProperty("axes", out _)) return FileKind.Sweep;
            return root.TryGetProperty("observations", out _) && !root.TryGetProperty("indications", out _)
                ? FileKind.Observed : FileKind.Scenario;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            return FileKind.Scenario;
        }
    }
}
