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

    /// <summary>Runs the command line; returns the process exit code. Never throws for bad input. Ctrl+C cancels a run.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
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
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("funnelsim: cancelled; no output was written.");
            return ExitCodes.Cancelled;
        }
    }
}
