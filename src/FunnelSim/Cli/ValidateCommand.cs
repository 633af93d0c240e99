using System.CommandLine;
using System.Text.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Sweeps;

namespace FunnelSim.Cli;

/// <summary>
/// <c>funnelsim validate FILE…</c>: errors and warnings of each scenario or sweep file; exit 1 when any file has errors.
/// A sweep (a JSON object with <c>axes</c>) is validated as a sweep: its own structure, its base scenario, its axes' paths
/// and the scenario at every point. JSON Schemas (<c>*.schema.json</c>) are skipped with a note.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario or sweep JSON files to check ('-' reads a scenario from standard input; *.schema.json is skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario and sweep files without running them.\n\n" +
            "Prints every error and warning as 'FILE: error: PATH (line L, column C): message' and 'FILE: ok' for a valid file. " +
            "A sweep file ({ \"base\": …, \"axes\": [ … ] }) is checked as a sweep: its base scenario, each axis path and the " +
            "scenario at every point. JSON Schema files (*.schema.json) are skipped with a note, so " +
            "'funnelsim validate scenarios/*.json scenarios/sweeps/*.json' checks a whole folder.\n\n" +
            "Exit codes: 0 all valid (warnings allowed), 1 some file has errors, 2 usage error.")
        {
            files,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Validate(context, parse, files, cancellationToken)));
        return command;
    }

    private static int Validate(CliContext context, ParseResult parse, Argument<string[]> files, CancellationToken cancellationToken)
    {
        {
            bool allValid = true;
            foreach (string file in parse.GetValue(files) ?? [])
            {
                string label = ScenarioInput.Label(file);
                if (file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
                    context.Out.WriteLine($"{label}: skipped (a JSON Schema, not a scenario)");
                else if (file != ScenarioInput.StandardInput && IsSweep(file))
                    allValid &= ValidateSweep(context, file, label);
                else
                    allValid &= ValidateScenario(context, file, label, cancellationToken);
            }
            return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        }
    }

    private static bool ValidateScenario(CliContext context, string file, string label, CancellationToken cancellationToken)
    {
        var loaded = ScenarioInput.Load(context, file, null, cancellationToken);
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

    /// <summary>Whether the file holds a sweep (a JSON object with an <c>axes</c> property) rather than a scenario.</summary>
    private static bool IsSweep(string file)
    {
        try
        {
            // At most a sweep's size limit is read, counted as read (a device or pipe has no length up front).
            const int limit = 1024 * 1024;
            using var stream = File.OpenRead(file);
            var bytes = new byte[limit + 1];
            int total = 0, read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0) total += read;
            if (total > limit) return false;
            using var document = JsonDocument.Parse(bytes.AsMemory(0, total));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("axes", out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
