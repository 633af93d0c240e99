using System.CommandLine;
using System.CommandLine.Invocation;

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
            BatchCommand.Create(context),
            ValidateCommand.Create(context),
            SchemaCommand.Create(context),
            UiCommand.Create(context),
        };
        // With no command, the terminal UI opens on the built-in base case.
        root.SetAction(_ => UiCommand.Start(context, null));
        return root;
    }

    /// <summary>
    /// How long a cancelled command may take to stop on its own before the command line stops waiting for it. Every phase
    /// (reading, validation, simulation, model fitting) checks the token far more often than this; the grace period only
    /// covers what cannot be interrupted (a read blocked on a pipe, a library call).
    /// </summary>
    internal static readonly TimeSpan CancellationGrace = TimeSpan.FromMilliseconds(800);

    /// <summary>Whether Ctrl+C and SIGTERM should cancel the running command (false for the terminal UI).</summary>
    internal static bool SignalsCancel { get; private set; } = true;

    /// <summary>
    /// Runs the command line; returns the process exit code. Never throws for bad input. Cancelling
    /// <paramref name="cancellationToken"/> (Ctrl+C or SIGTERM in the real program) stops any command within a second:
    /// it exits 130 and leaves every existing output file as it was.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(context);
        HelpLayout.ListCommandsBriefly(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Error.WriteLine($"funnelsim: {error.Message}");
            string command = parse.CommandResult.Command == root ? "funnelsim" : $"funnelsim {parse.CommandResult.Command.Name}";
            context.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.UsageError;
        }
        // Signals are handled by the program (Program.cs), not by System.CommandLine: its handler waits for a synchronous
        // action to finish, which ignored Ctrl+C for as long as validation or a model fit took.
        var configuration = new InvocationConfiguration
        {
            Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        bool interactive = parse.CommandResult.Command == root || parse.CommandResult.Command.Name == "ui";
        // The terminal UI has its own keys and restores the terminal on exit: signals keep their default effect there.
        SignalsCancel = !interactive;
        try
        {
            if (interactive) return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            // Off the calling thread, so that a command stuck where no token reaches still lets the program exit.
            var invocation = Task.Run(() => parse.InvokeAsync(configuration, cancellationToken), CancellationToken.None);
            try
            {
                return await invocation.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!invocation.IsCompleted)
            {
                // Give the command its chance to stop cleanly (and say what it kept), then stop waiting.
                if (await Task.WhenAny(invocation, Task.Delay(CancellationGrace, CancellationToken.None)).ConfigureAwait(false) == invocation)
                    return await invocation.ConfigureAwait(false);
                throw;
            }
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("funnelsim: cancelled; no output was written.");
            return ExitCodes.Cancelled;
        }
        catch (Engine.SimulationLimitException e)
        {
            context.Error.WriteLine($"funnelsim: cannot simulate this scenario: {e.Message}.");
            return ExitCodes.InvalidInput;
        }
    }
}
