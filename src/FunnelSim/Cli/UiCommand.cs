using System.CommandLine;
using FunnelSim.Ui;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim ui [SCENARIO]</c> (and the bare <c>funnelsim</c>): the interactive terminal UI.</summary>
internal static class UiCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario JSON file to open. Without it, the built-in US national base case.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("ui", "Open the terminal UI: edit a scenario, watch live what-if numbers, run, compare, save.\n\n" +
            "Needs an interactive terminal; with standard input or output redirected it prints a one-line hint and exits 2. " +
            "F1 in the UI lists every key.")
        {
            scenario,
        };
        command.SetAction(parse => Start(context, parse.GetValue(scenario)));
        return command;
    }

    /// <summary>Starts the UI, or explains why not (exit 2) when there is no interactive terminal.</summary>
    public static int Start(CliContext context, string? scenarioPath)
    {
        if (!context.IsInteractive)
        {
            context.Error.WriteLine(TerminalUi.NotInteractive);
            return ExitCodes.UsageError;
        }
        return TerminalUi.Run(scenarioPath);
    }
}
