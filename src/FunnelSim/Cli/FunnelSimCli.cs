using System.CommandLine;
using System.CommandLine.Invocation;
using FunnelSim.Model;
using System.CommandLine.Help;

namespace FunnelSim.Cli;

/// <summary>The <c>funnelsim</c> command line: parse → load/validate → run → present.</summary>
internal static class FunnelSimCli
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "FunnelSim — Monte Carlo projections of patients eligible for and treated with BIZENGRI (zenocutuzumab) " +
            "in NRG1 fusion-positive NSCLC, pancreatic adenocarcinoma and cholangiocarcinoma.\n\n" +
            "Start with 'funnelsim run' (the built-in US national base case) or 'funnelsim run SCENARIO.json'. " +
            "With no command, opens the terminal UI (as 'funnelsim ui'). Scenario format: docs/scenario-format.md, or 'funnelsim schema'.")
        {
            RunCommand.Create(context),
            BudgetCommand.Create(context),
            CompareCommand.Create(context),
            TornadoCommand.Create(context),
            DriversCommand.Create(context),
            ReportCommand.Create(context),
            CalibrateCommand.Create(context),
            BatchCommand.Create(context),
            MergeCommand.Create(context),
            ValidateCommand.Create(context),
            SchemaCommand.Create(context),
            UiCommand.Create(context),
        };
        // With no command, the terminal UI opens on the built-in base case.
        root.SetAction(_ => UiCommand.Start(context, null));
        if (root.Options.OfType<VersionOption>().FirstOrDefault() is { } version) version.Action = new VersionAction();
        return root;
    }

    /// <summary>Runs the command line; returns the process exit code. Never throws for bad input. Ctrl+C cancels a run.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context) => RunAsync(args, context, null);

    /// <summary>
    /// Runs the command line; <paramref name="signals"/> (SIGINT, SIGTERM) cancel a run, which then exits with 130 or 143.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, TerminationSignals? signals)
    {
        var root = CreateRoot(context);
        HelpLayout.Apply(root);
        var parse = root.Parse(args);
        if (CommandLineMistakes.Find(parse, root) is { Count: > 0 } mistakes)
        {
            foreach (string mistake in mistakes) context.Error.WriteLine($"error: {mistake}");
            context.Error.WriteLine($"Run '{CommandLineMistakes.CommandPath(parse)} --help' for usage.");
            return ExitCodes.UsageError;
        }
        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, signals?.Token ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("funnelsim: cancelled; no output was written.");
            return signals?.ExitCode ?? ExitCodes.Cancelled;
        }
        catch (Engine.SimulationLimitException e)
        {
            context.Error.WriteLine($"funnelsim: cannot simulate this scenario: {e.Message}.");
            return ExitCodes.InvalidInput;
        }
        catch (StandardOutputException e)
        {
            context.Error.WriteLine($"funnelsim: cannot write standard output: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary><c>--version</c>: this program's version; the part before any '+' is the engine version results carry.</summary>
    private sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ProgramVersion.Text);
            return ExitCodes.Success;
        }
    }
}
