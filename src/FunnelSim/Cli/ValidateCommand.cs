using System.CommandLine;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim validate FILE…</c>: errors and warnings of each file; exit 1 when any file has errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario JSON files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files without running them.\n\n" +
            "Prints every error and warning as 'FILE: error: PATH (line L, column C): message' and 'FILE: ok' for a valid file. " +
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
                var loaded = ScenarioInput.Load(file, null, cancellationToken);
                ScenarioInput.Report(context.Out, file, loaded.Diagnostics);
                int warnings = loaded.Warnings.Count();
                if (loaded.IsValid)
                    context.Out.WriteLine(warnings == 0 ? $"{file}: ok" : $"{file}: ok ({warnings} warning{(warnings == 1 ? "" : "s")})");
                else
                    allValid = false;
            }
            return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        }
    }
}
